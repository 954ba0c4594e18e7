package io.github.eventcat.codegen.light.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.light.state.GeneratorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op decision of {@code generate} without the engine: up to date only when the catalog's
 * files, the plugin version and the configuration are those the last run recorded and its files
 * are still there.
 */
class GenerateInputsTest {
    private static final String PLUGIN = "1.0.0";
    private static final String CONFIGURATION =
            new GenerateOptions(null, null, List.of(), null, null, false).canonical();

    @TempDir
    Path temp;

    private Path catalog;
    private Path out;

    @BeforeEach
    void catalogAndAGeneratorRun() throws IOException {
        catalog = Files.createDirectories(temp.resolve("catalog"));
        Files.writeString(catalog.resolve("catalog.yaml"), "package: com.example\ntopics: {}\n");
        Files.createDirectories(catalog.resolve("schemas"));
        Files.writeString(catalog.resolve("schemas/a.avsc"), "{\"type\": \"record\", \"name\": \"A\", \"fields\": []}");
        out = temp.resolve("out");
        GenerateInputs.Decision first = GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION);
        assertThat(first.upToDate()).isEmpty();
        // What the engine does after generating: the files, then the state with the inputs.
        List<String> files = List.of("com/example/A.java", "com/example/EventCatalog.java");
        for (String file : files) {
            Files.createDirectories(out.resolve(file).getParent());
            Files.writeString(out.resolve(file), "class X {}");
        }
        GeneratorState.of("catalog-fingerprint", Optional.of(first.inputs()), files)
                .withDirectories(GeneratorState.directoryTimes(out, files))
                .write(out);
    }

    @Test
    void unchangedInputsAreUpToDateAndTouchNoGeneratedFile() throws IOException {
        FileTime before = Files.getLastModifiedTime(out.resolve("com/example/A.java"));

        GenerateInputs.Decision again = GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION);

        assertThat(again.upToDate()).isPresent();
        assertThat(again.upToDate().get().files())
                .containsExactly("com/example/A.java", "com/example/EventCatalog.java");
        assertThat(Files.getLastModifiedTime(out.resolve("com/example/A.java"))).isEqualTo(before);
    }

    @Test
    void anotherPluginVersionIsNotUpToDate() {
        assertThat(GenerateInputs.decide(catalog, out, "1.0.1", CONFIGURATION).upToDate())
                .isEmpty();
    }

    @Test
    void anotherConfigurationIsNotUpToDate() {
        String outbox = new GenerateOptions(null, null, List.of(), null, null, true).canonical();
        String formats = new GenerateOptions(null, null, List.of("money"), null, null, false).canonical();
        String threshold = new GenerateOptions(null, null, List.of(), null, 4, false).canonical();

        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, outbox).upToDate())
                .isEmpty();
        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, formats).upToDate())
                .isEmpty();
        // Setting the default explicitly counts as a change: the decision does not know the defaults.
        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, threshold).upToDate())
                .isEmpty();
    }

    @Test
    void aChangedCatalogFileIsNotUpToDate() throws IOException {
        Files.writeString(catalog.resolve("schemas/a.avsc"), "{\"type\": \"record\", \"name\": \"B\", \"fields\": []}");

        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isEmpty();
    }

    @Test
    void aDeletedGeneratedFileIsNotUpToDate() throws IOException {
        Files.delete(out.resolve("com/example/A.java"));

        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isEmpty();
    }

    @Test
    void aCorruptOrAbsentStateIsNotUpToDate() throws IOException {
        Path state = out.resolve(GeneratorState.STATE_FILE);
        Files.writeString(state, Files.readString(state).replaceFirst("(?m)^fingerprint .*\n", ""));
        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isEmpty();

        Files.delete(state);
        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isEmpty();
    }

    @Test
    void aStateOfAnEarlierFormatWithoutPluginAndConfigurationIsNotUpToDate() throws IOException {
        Path state = out.resolve(GeneratorState.STATE_FILE);
        Files.writeString(state, Files.readString(state).replaceAll("(?m)^(plugin|configuration) .*\n", ""));

        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isEmpty();
    }

    @Test
    void catalogFilesOldEnoughAreRecordedSoTheNextBuildNeedNotReadThem() throws IOException {
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(catalog.resolve("catalog.yaml"), old);
        Files.setLastModifiedTime(catalog.resolve("schemas/a.avsc"), old);

        GenerateInputs.Decision decision = GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION);

        assertThat(decision.upToDate()).isPresent();
        assertThat(GeneratorState.read(out).orElseThrow().digests())
                .extracting(d -> d.path())
                .containsExactly("catalog.yaml", "schemas/a.avsc");
        assertThat(GenerateInputs.decide(catalog, out, PLUGIN, CONFIGURATION).upToDate())
                .isPresent();
    }
}
