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

    @Test
    void aTextThatFitsOneConstantIsOnePart() {
        String text = "a".repeat(JavaText.MAX_CONSTANT_BYTES);
        assertThat(JavaText.constantParts(text)).containsExactly(text);
        assertThat(JavaText.stringExpression(List.of(text), TopicSources.INDENT))
                .isEqualTo(JavaText.stringLiteral(text, TopicSources.INDENT));
    }

    @Test
    void aLongerTextIsCutAfterItsLastLineFeedThatFits() {
        String line = "x".repeat(99) + "\n"; // 100 bytes
        String text = line.repeat(700); // 70,000 bytes
        assertThat(JavaText.constantParts(text)).containsExactly(line.repeat(655), line.repeat(45));
    }

    @Test
    void aLineLongerThanAConstantIsCutWhereItNoLongerFits() {
        String text = "a".repeat(JavaText.MAX_CONSTANT_BYTES + 1);
        assertThat(JavaText.constantParts(text)).containsExactly("a".repeat(JavaText.MAX_CONSTANT_BYTES), "a");
    }

    @Test
    void partsCountModifiedUtf8BytesAndKeepSurrogatePairsWhole() {
        // NUL takes two bytes in a class file; U+1D11E is a surrogate pair of three bytes each.
        String nul = "\u0000".repeat(32_767); // 65,534 bytes: one part
        assertThat(JavaText.constantParts(nul)).containsExactly(nul);
        assertThat(JavaText.constantParts(nul + "a")).containsExactly(nul, "a");
        String clef = "a".repeat(JavaText.MAX_CONSTANT_BYTES - 3) + "\uD834\uDD1E";
        // The high surrogate would fit, the low one not: the pair goes to the next part together.
        assertThat(JavaText.constantParts(clef))
                .containsExactly("a".repeat(JavaText.MAX_CONSTANT_BYTES - 3), "\uD834\uDD1E");
        String mixed = ("é€𝄞\n" + "z".repeat(37)).repeat(5_000);
        List<String> parts = JavaText.constantParts(mixed);
        assertThat(String.join("", parts)).isEqualTo(mixed);
        assertThat(parts).hasSizeGreaterThan(3).allSatisfy(part -> {
            assertThat(JavaText.modifiedUtf8Length(part, 0, part.length()))
                    .isLessThanOrEqualTo(JavaText.MAX_CONSTANT_BYTES);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
        });
    }

    @Test
    void partsAreJoinedWhenTheClassInitializes() {
        assertThat(JavaText.stringExpression(List.of("a\nb", "c"), TopicSources.INDENT))
                .isEqualTo("String.join(\"\",\n    \"a\\n\"\n        + \"b\",\n    \"c\")");
    }
}
