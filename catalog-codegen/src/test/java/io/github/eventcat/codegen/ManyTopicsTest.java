package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog of one topic per event reaches 20,000 topics at 20,000 events. The constants class
 * then lists more topic names than javac compiles as values of one {@code List.of} ("code too
 * large" past ~8,000), and comes near the class file's 65,535 constants; past what one class can
 * hold the generator says so instead of javac.
 */
class ManyTopicsTest {
    @TempDir
    Path temp;

    @Test
    void twentyThousandTopicsFitOneConstantsClass() throws Exception {
        List<String> names = IntStream.range(0, CatalogConstantsSources.MAX_TOPICS)
                .mapToObj(i -> (i % 2 == 0 ? "avro" : "json.v1") + "-topic_" + i)
                .sorted()
                .toList();
        // As the constants class has them: TOPICS, and a nested class per topic (each takes three
        // of the outer class's constants) with its name.
        TypeSpec.Builder catalog = TypeSpec.classBuilder("EventCatalog")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(CatalogConstantsSources.topicList(names));
        for (int i = 0; i < names.size(); i++) {
            catalog.addType(TypeSpec.classBuilder("Topic" + i)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addField(FieldSpec.builder(
                                    ClassName.get(String.class),
                                    "NAME",
                                    Modifier.PUBLIC,
                                    Modifier.STATIC,
                                    Modifier.FINAL)
                            .initializer("$S", names.get(i))
                            .build())
                    .build());
        }
        String source =
                JavaFile.builder("com.example.many", catalog.build()).build().toString();
        assertThat(source).contains("One name per line of a text").doesNotContain("List.of(\"");
        Path file = temp.resolve("src/com/example/many/EventCatalog.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);

        Path classes = temp.resolve("classes");
        Compiler.compilePaths(List.of(file), classes);

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
            assertThat(loader.loadClass("com.example.many.EventCatalog")
                            .getField("TOPICS")
                            .get(null))
                    .isEqualTo(names);
        }
    }

    @Test
    void upToAThousandTopicsAreListedAsValues() {
        List<String> names = IntStream.range(0, CatalogConstantsSources.MAX_LISTED_TOPICS)
                .mapToObj(i -> "t" + i)
                .toList();

        assertThat(CatalogConstantsSources.topicList(names).toString())
                .contains("TOPICS = java.util.List.of(\"t0\", \"t1\", ")
                .doesNotContain("split");
    }

    @Test
    void moreTopicsOrSchemaFilesThanOneClassHoldsAreRefusedWithWhatToDo() {
        CatalogConstantsSources.checkClassFileLimits(20_000, 20_000);

        CodegenException tooMany = catchThrowableOfType(
                CodegenException.class, () -> CatalogConstantsSources.checkClassFileLimits(20_001, 20_002));

        assertThat(tooMany.problems())
                .extracting(CodegenProblem::toString)
                .containsExactly(
                        "catalog.yaml: the catalog declares 20,001 topics, more than the 20,000 one generated"
                                + " constants class can hold (Java's limit of 65,535 constants per class): split the"
                                + " catalog into several catalogs, each generating into its own package",
                        "catalog.yaml: the topics' values are registered with 20,002 schema files, more than the"
                                + " 20,000 one generated constants class can hold (Java's limit of 65,535 constants"
                                + " per class): split the catalog into several catalogs, each generating into its"
                                + " own package");
    }
}
