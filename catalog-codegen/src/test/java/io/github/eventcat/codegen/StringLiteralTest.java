package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/** {@link JavaText#stringLiteral} emitted with {@code $L} writes what JavaPoet's {@code $S} writes. */
class StringLiteralTest {

    private static String render(CodeBlock value) {
        TypeSpec type = TypeSpec.classBuilder("Texts")
                .addType(TypeSpec.classBuilder("Nested")
                        .addField(FieldSpec.builder(String.class, "TEXT", Modifier.STATIC, Modifier.FINAL)
                                .initializer(value)
                                .build())
                        .build())
                .build();
        return JavaFile.builder("p", type).indent(TopicSources.INDENT).build().toString();
    }

    @Test
    void everyCharacterAndLineLayoutComesOutAsWithDollarS() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "\n",
                "\n\n",
                "one line",
                "{\n  \"title\": \"It's \\\"quoted\\\"\",\n  \"x\": \"a\\\\u002a/b\"\n}\n",
                "no final line feed\nsecond",
                "tab\there\r\nCRLF\fform\bback",
                "surrogates 𝄞 lone \uD834 and \uDD1E, é, \u2028, \u0085, \u007f, \u0000"));
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
            if (c % 512 == 0) {
                texts.add(all.toString());
                all.setLength(0);
            }
        }
        texts.add(all.toString());
        for (String text : texts) {
            assertThat(render(CodeBlock.of("$L", JavaText.stringLiteral(text, TopicSources.INDENT))))
                    .isEqualTo(render(CodeBlock.of("$S", text)));
        }
    }
}
