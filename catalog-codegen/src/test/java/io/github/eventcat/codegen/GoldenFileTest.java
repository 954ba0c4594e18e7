package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole generated files compared with the expected ones under {@code
 * src/test/resources/golden/<case>/}, then compiled. After an intended change of the generated
 * code, regenerate the expected files with {@code mvn -pl catalog-codegen test
 * -Dgolden.update=true} and review the diff.
 */
class GoldenFileTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> cases() {
        return Stream.of(
                golden("json-types", "json-types", c -> c),
                golden("json-types-offset-date-time", "json-types", c -> c.withDateTimeType(
                                DateTimeType.OFFSET_DATE_TIME)
                        .withBuilderThreshold(30)),
                golden(
                        "json-types-all-numbers-decimal",
                        "json-types",
                        c -> c.withMoneyDetection(new MoneyDetection(false, java.util.Set.of(), true))),
                golden("union", "union", c -> c),
                golden("avro-types", "avro-types", c -> c));
    }

    private static Arguments golden(String name, String catalog, UnaryOperator<CodegenConfiguration> configure) {
        return Arguments.of(name, catalog, configure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedFilesMatchTheGoldenFilesAndCompile(
            String name, String catalog, UnaryOperator<CodegenConfiguration> configure, @TempDir Path temp)
            throws IOException {
        CodegenConfiguration configuration = configure.apply(CodegenConfiguration.defaults(temp.resolve("unused")));
        List<GeneratedFile> files = CodeGenerator.records()
                .generateInMemory(new GenerationRequest(Fixtures.catalog(catalog), configuration));

        Path goldenDir = goldenRoot().resolve(name);
        if (UPDATE) {
            GoldenFiles.update(goldenDir, files);
        }
        Map<String, String> expected = GoldenFiles.read(goldenDir);
        Map<String, String> actual = new TreeMap<>();
        files.forEach(f -> actual.put(f.path(), f.content()));
        assertThat(actual.keySet()).as("generated files of %s", name).containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, content) -> assertThat(content)
                .as("%s/%s (regenerate with -Dgolden.update=true)", name, path)
                .isEqualTo(expected.get(path)));

        Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));
    }

    private static Path goldenRoot() {
        String configured = System.getProperty("golden.dir");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("src/test/resources/golden");
    }
}
