package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprint, unchanged-file and deletion behaviour of {@link CodeGenerator#generate}. */
class IncrementalGenerationTest {
    /** A time no generator run can produce: a file still carrying it was not rewritten. */
    private static final FileTime MARK = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path temp;

    private GenerationResult generate(Path catalog, CodegenConfiguration configuration) {
        return CodeGenerator.records().generate(new GenerationRequest(CatalogLoader.load(catalog), configuration));
    }

    @Test
    void unchangedCatalogGeneratesNothingAndTouchesNoFile() throws IOException {
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        GenerationResult first = generate(catalog, configuration);
        assertThat(first.upToDate()).isFalse();
        assertThat(first.written()).hasSize(6);
        Map<Path, FileTime> marked = markAll(temp.resolve("out"));

        GenerationResult second = generate(catalog, configuration);

        assertThat(second.upToDate()).isTrue();
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).containsExactlyElementsOf(first.written());
        assertThat(second.summary()).startsWith("Nothing to generate");
        assertThat(times(temp.resolve("out"))).isEqualTo(marked);
    }

    @Test
    void changedSchemaRewritesOnlyTheFilesWhoseContentChanged() throws IOException {
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        generate(catalog, configuration);
        markAll(temp.resolve("out"));
        Path carrier = catalog.resolve("schemas/shared/carrier.json");
        Files.writeString(
                carrier,
                Files.readString(carrier)
                        .replace(
                                "\"name\": {\"type\": \"string\"}",
                                "\"name\": {\"type\": \"string\"}, \"phone\": {\"type\": \"string\"}"));

        GenerationResult result = generate(catalog, configuration);

        assertThat(result.upToDate()).isFalse();
        assertThat(result.written()).containsExactly("com/example/jsontypes/Carrier.java");
        assertThat(result.unchanged()).hasSize(5);
        assertThat(Files.readString(temp.resolve("out/com/example/jsontypes/Carrier.java")))
                .contains("String phone");
        assertThat(Files.getLastModifiedTime(temp.resolve("out/com/example/jsontypes/Address.java")))
                .isEqualTo(MARK);
    }

    @Test
    void outputsOfARemovedSchemaAreDeletedAndOtherFilesLeftAlone() throws IOException {
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        Path out = temp.resolve("out");
        CodegenConfiguration configuration = CodegenConfiguration.defaults(out);
        generate(catalog, configuration);
        Path foreign = out.resolve("com/example/jsontypes/HandWritten.java");
        Files.writeString(foreign, "// not generated\n");
        Path manifest = catalog.resolve("catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("      - schemas/names_and_enums.json\n", ""));
        Files.delete(catalog.resolve("schemas/names_and_enums.json"));

        GenerationResult result = generate(catalog, configuration);

        assertThat(result.deleted())
                .containsExactly("com/example/jsontypes/NamesAndEnums.java", "com/example/jsontypes/TimeWindow.java");
        assertThat(out.resolve("com/example/jsontypes/NamesAndEnums.java")).doesNotExist();
        assertThat(foreign).hasContent("// not generated");
        assertThat(result.written()).isEmpty();
    }

    @Test
    void configurationChangeRegenerates() {
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        generate(catalog, configuration);

        GenerationResult result = generate(catalog, configuration.withDateTimeType(DateTimeType.OFFSET_DATE_TIME));

        assertThat(result.upToDate()).isFalse();
        assertThat(result.written())
                .containsExactly("com/example/jsontypes/ShipmentBooked.java", "com/example/jsontypes/TimeWindow.java");
    }

    @Test
    void anotherBuildOfTheSamePluginVersionRegenerates() {
        // A SNAPSHOT plugin rebuilt under one version: the inputs name the build by its jars, and
        // a run with other jars must generate, not find the catalog's content fingerprint unchanged.
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        CodeGenerator generator = CodeGenerator.records();
        generator.generate(
                new GenerationRequest(CatalogLoader.load(catalog), configuration),
                InputFingerprint.of(catalog, "1.0-SNAPSHOT (jars A)", List.of(), configuration.canonical()));

        InputFingerprint sameBuild =
                InputFingerprint.of(catalog, "1.0-SNAPSHOT (jars A)", List.of(), configuration.canonical());
        InputFingerprint rebuilt =
                InputFingerprint.of(catalog, "1.0-SNAPSHOT (jars B)", List.of(), configuration.canonical());

        assertThat(generator
                        .generate(new GenerationRequest(CatalogLoader.load(catalog), configuration), sameBuild)
                        .upToDate())
                .isTrue();
        GenerationResult result =
                generator.generate(new GenerationRequest(CatalogLoader.load(catalog), configuration), rebuilt);
        assertThat(result.upToDate()).isFalse();
        assertThat(result.unchanged()).hasSize(6);
    }

    @Test
    void deletedGeneratedFileIsGeneratedAgain() throws IOException {
        Path catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        CodegenConfiguration configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        generate(catalog, configuration);
        Files.delete(temp.resolve("out/com/example/jsontypes/Carrier.java"));

        GenerationResult result = generate(catalog, configuration);

        assertThat(result.upToDate()).isFalse();
        assertThat(result.written()).containsExactly("com/example/jsontypes/Carrier.java");
    }

    @Test
    void generatingTwiceGivesByteIdenticalFiles() throws IOException {
        Path catalog = Fixtures.catalogDirectory("json-types");
        generate(catalog, CodegenConfiguration.defaults(temp.resolve("a")));
        generate(catalog, CodegenConfiguration.defaults(temp.resolve("b")));
        Path union = Fixtures.catalogDirectory("union");
        Path avro = Fixtures.catalogDirectory("avro-types");
        generate(union, CodegenConfiguration.defaults(temp.resolve("a/u")));
        generate(union, CodegenConfiguration.defaults(temp.resolve("b/u")));
        generate(avro, CodegenConfiguration.defaults(temp.resolve("a/v")));
        generate(avro, CodegenConfiguration.defaults(temp.resolve("b/v")));

        Map<String, byte[]> first = contents(temp.resolve("a"));
        Map<String, byte[]> second = contents(temp.resolve("b"));
        assertThat(first).hasSizeGreaterThan(10);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    private static Map<Path, FileTime> markAll(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, MARK);
            }
        }
        return times(root);
    }

    private static Map<Path, FileTime> times(Path root) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                times.put(root.relativize(file), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(file);
                if (file.getFileName().toString().equals(OutputDirectory.STATE_FILE)) {
                    // The state records its directories' time stamps, which differ from run to run.
                    bytes = Files.readString(file)
                            .replaceAll("(?m)^directory \\d+ ", "directory <time> ")
                            .getBytes(StandardCharsets.UTF_8);
                }
                contents.put(root.relativize(file).toString(), bytes);
            }
        }
        return contents;
    }
}
