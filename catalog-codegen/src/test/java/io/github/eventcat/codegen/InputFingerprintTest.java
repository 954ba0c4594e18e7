package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.light.state.GeneratorState;
import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op decided before loading: {@link CodeGenerator#upToDate} answers from the fingerprint
 * of the catalog's files, the generator's version and the configuration, and anything that could
 * change the output makes it answer "generate again".
 */
class InputFingerprintTest {
    private static final FileTime MARK = FileTime.fromMillis(1_000_000_000_000L);
    private static final CodeGenerator GENERATOR = CodeGenerator.records();

    @TempDir
    Path temp;

    private Path catalog;
    private CodegenConfiguration configuration;

    @BeforeEach
    void firstRun() {
        catalog = Fixtures.copy("json-types", temp.resolve("catalog"));
        configuration = CodegenConfiguration.defaults(temp.resolve("out"));
        GenerationResult first = GENERATOR.generate(
                new GenerationRequest(CatalogLoader.load(catalog), configuration),
                GENERATOR.inputs(catalog, configuration));
        assertThat(first.written()).hasSize(6);
    }

    private Optional<GenerationResult> upToDate() {
        return GENERATOR.upToDate(GENERATOR.inputs(catalog, configuration), configuration);
    }

    @Test
    void unchangedFilesAreUpToDateWithoutLoadingAndNothingIsTouched() throws IOException {
        Map<String, FileTime> marked = markAll(temp.resolve("out"));

        Optional<GenerationResult> result = upToDate();

        assertThat(result).isPresent();
        assertThat(result.get().upToDate()).isTrue();
        assertThat(result.get().unchanged()).hasSize(6);
        assertThat(times(temp.resolve("out"))).isEqualTo(marked);
    }

    @Test
    void oneChangedByteRegenerates() throws IOException {
        Path carrier = catalog.resolve("schemas/shared/carrier.json");
        byte[] bytes = Files.readAllBytes(carrier);
        int space = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(' ');
        bytes[space] = '\t';
        Files.write(carrier, bytes);

        assertThat(upToDate()).isEmpty();
    }

    @Test
    void addedFileRegenerates() throws IOException {
        Files.writeString(catalog.resolve("schemas/extra.json"), "{}\n");

        assertThat(upToDate()).isEmpty();
    }

    @Test
    void removedFileRegenerates() throws IOException {
        Path manifest = catalog.resolve("catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("      - schemas/names_and_enums.json\n", ""));
        Files.delete(catalog.resolve("schemas/names_and_enums.json"));

        assertThat(upToDate()).isEmpty();
    }

    @Test
    void renamedFileRegenerates() throws IOException {
        Path file = catalog.resolve("schemas/names_and_enums.json");
        Files.move(file, file.resolveSibling("names_and_enums2.json"));

        assertThat(upToDate()).isEmpty();
    }

    @Test
    void changedConfigurationRegenerates() {
        CodegenConfiguration other = configuration.withBuilderThreshold(2);

        assertThat(GENERATOR.upToDate(GENERATOR.inputs(catalog, other), other)).isEmpty();
    }

    @Test
    void anotherGeneratorVersionOrStepRegenerates() {
        InputFingerprint now = GENERATOR.inputs(catalog, configuration);
        InputFingerprint otherVersion =
                InputFingerprint.of(catalog, "0.0.1-other", List.of("json-records/2"), configuration.canonical());
        InputFingerprint otherSteps = InputFingerprint.of(
                catalog, Fingerprint.GENERATOR_VERSION, List.of("json-records/3"), configuration.canonical());

        assertThat(GENERATOR.upToDate(otherVersion, configuration)).isEmpty();
        assertThat(GENERATOR.upToDate(otherSteps, configuration)).isEmpty();
        assertThat(otherVersion).isNotEqualTo(now);
        assertThat(now.value())
                .hasSize(64)
                .isEqualTo(GENERATOR.inputs(catalog, configuration).value());
    }

    @Test
    void deletedOutputFileRegenerates() throws IOException {
        Files.delete(temp.resolve("out/com/example/jsontypes/Carrier.java"));

        assertThat(upToDate()).isEmpty();
        GenerationResult again = GENERATOR.generate(
                new GenerationRequest(CatalogLoader.load(catalog), configuration),
                GENERATOR.inputs(catalog, configuration));
        assertThat(again.written()).containsExactly("com/example/jsontypes/Carrier.java");
        assertThat(upToDate()).isPresent();
    }

    @Test
    void aChangeThatLeavesTheCatalogAloneIsRecordedWithoutRewritingAnything() throws IOException {
        Path manifest = catalog.resolve("catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest) + "# a comment\n");
        Map<String, FileTime> marked = markAll(temp.resolve("out"));
        assertThat(upToDate()).isEmpty();

        GenerationResult result = GENERATOR.generate(
                new GenerationRequest(CatalogLoader.load(catalog), configuration),
                GENERATOR.inputs(catalog, configuration));

        assertThat(result.upToDate()).isTrue();
        Map<String, FileTime> after = times(temp.resolve("out"));
        after.remove(OutputDirectory.STATE_FILE);
        marked.remove(OutputDirectory.STATE_FILE);
        assertThat(after).isEqualTo(marked);
        assertThat(upToDate()).isPresent();
    }

    @Test
    void aCatalogJarIsFingerprintedByItsBytes() throws IOException {
        Path jar = temp.resolve("catalog.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        InputFingerprint first = GENERATOR.inputs(jar, configuration);
        Files.write(jar, new byte[] {1, 2, 4});

        assertThat(GENERATOR.inputs(jar, configuration)).isNotEqualTo(first);
    }

    @Test
    void oldFilesAreDecidedFromSizeAndTimeStampOnceTheirDigestsAreRecorded() throws IOException {
        markAll(catalog);
        assertThat(upToDate()).isPresent(); // records the digests of the now old files
        assertThat(Files.readString(temp.resolve("out").resolve(OutputDirectory.STATE_FILE)))
                .contains("digest ")
                .contains(" catalog.yaml\n");
        Map<String, FileTime> marked = markAll(temp.resolve("out"));
        assertThat(upToDate()).isPresent();
        assertThat(times(temp.resolve("out"))).isEqualTo(marked); // nothing new to record

        // The same size and time stamp: taken from the state file, the bytes are not read.
        Path carrier = catalog.resolve("schemas/shared/carrier.json");
        byte[] bytes = Files.readAllBytes(carrier);
        bytes[bytes.length - 2] ^= 1;
        Files.write(carrier, bytes);
        Files.setLastModifiedTime(carrier, MARK);
        assertThat(upToDate()).isPresent();

        // Another time stamp (an edit does that): hashed again, and the change is seen.
        Files.setLastModifiedTime(carrier, FileTime.fromMillis(MARK.toMillis() + 1));
        assertThat(upToDate()).isEmpty();
    }

    @Test
    void recentlyModifiedFilesAreHashedEveryRun() throws IOException {
        Path carrier = catalog.resolve("schemas/shared/carrier.json");
        FileTime recent = Files.getLastModifiedTime(carrier);
        assertThat(upToDate()).isPresent();
        assertThat(Files.readString(temp.resolve("out").resolve(OutputDirectory.STATE_FILE)))
                .doesNotContain(" schemas/shared/carrier.json\n");

        byte[] bytes = Files.readAllBytes(carrier);
        bytes[bytes.length - 2] ^= 1;
        Files.write(carrier, bytes);
        Files.setLastModifiedTime(carrier, recent);

        assertThat(upToDate()).isEmpty();
    }

    @Test
    void digestsReusedFromTheStateGiveTheFingerprintOfTheBytes() throws IOException {
        markAll(catalog);
        InputFingerprint hashed = GENERATOR.inputs(catalog, configuration);
        assertThat(upToDate()).isPresent(); // records the digests

        InputFingerprint cached = GENERATOR.inputs(catalog, configuration);

        assertThat(cached).isEqualTo(hashed);
        assertThat(cached.cacheable()).isEqualTo(hashed.cacheable()).isNotEmpty();
        assertThat(InputFingerprint.of(catalog, Fingerprint.GENERATOR_VERSION, List.of(), "", Map.of()))
                .isEqualTo(InputFingerprint.of(
                        catalog,
                        Fingerprint.GENERATOR_VERSION,
                        List.of(),
                        "",
                        GeneratorState.snapshot(temp.resolve("out")).digests()));
    }

    @Test
    void aDamagedDigestLineIsHashedAgain() throws IOException {
        markAll(catalog);
        assertThat(upToDate()).isPresent();
        Path state = temp.resolve("out").resolve(OutputDirectory.STATE_FILE);
        String text = Files.readString(state);
        Files.writeString(state, text.replaceFirst("digest (\\d+) ", "digest x "));

        assertThat(GeneratorState.snapshot(temp.resolve("out")).digests())
                .hasSize(GENERATOR.inputs(catalog, configuration).cacheable().size() - 1);
        assertThat(upToDate()).isPresent();
    }

    @Test
    void aCatalogDirectoryReachedThroughALinkIsFingerprintedByItsFiles() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("linked-catalog"), catalog);
        InputFingerprint before = GENERATOR.inputs(link, configuration);
        assertThat(before).isEqualTo(GENERATOR.inputs(catalog, configuration));

        Path carrier = catalog.resolve("schemas/shared/carrier.json");
        byte[] bytes = Files.readAllBytes(carrier);
        bytes[bytes.length - 2] ^= 1;
        Files.write(carrier, bytes);

        assertThat(GENERATOR.inputs(link, configuration)).isNotEqualTo(before);
    }

    @Test
    void theStateReadForTheFingerprintIsNotReadAgainByTheDecision() throws IOException {
        Path state = temp.resolve("out").resolve(OutputDirectory.STATE_FILE);
        InputFingerprint inputs = GENERATOR.inputs(catalog, configuration);
        // Same size, time stamp and file: the decision takes the state read for the fingerprint.
        replaceInputsLine(state, inputs, 0);

        assertThat(GENERATOR.upToDate(inputs, configuration)).isPresent();
    }

    /**
     * Writes another inputs fingerprint into the state file, then sets its time stamp to the one it
     * had plus {@code laterMillis}: the same size, and the same stamp when that is 0.
     */
    private static void replaceInputsLine(Path state, InputFingerprint inputs, long laterMillis) throws IOException {
        FileTime modified = Files.getLastModifiedTime(state);
        String text = Files.readString(state);
        Files.writeString(state, text.replace("inputs " + inputs.value(), "inputs " + "0".repeat(64)));
        Files.setLastModifiedTime(state, FileTime.from(modified.toInstant().plusMillis(laterMillis)));
    }

    @Test
    void aStateFileChangedAfterTheFingerprintIsReadAgain() throws IOException {
        Path state = temp.resolve("out").resolve(OutputDirectory.STATE_FILE);
        InputFingerprint inputs = GENERATOR.inputs(catalog, configuration);
        replaceInputsLine(state, inputs, 1_000);

        assertThat(GENERATOR.upToDate(inputs, configuration)).isEmpty();
    }

    @Test
    void aStateWrittenByARunAfterTheFingerprintIsReadAgain() throws IOException {
        Path manifest = catalog.resolve("catalog.yaml");
        Files.writeString(manifest, Files.readString(manifest) + "# a comment\n");
        InputFingerprint inputs = GENERATOR.inputs(catalog, configuration);
        assertThat(GENERATOR.upToDate(inputs, configuration)).isEmpty();

        GENERATOR.generate(new GenerationRequest(CatalogLoader.load(catalog), configuration), inputs);

        // The run recorded these inputs: the state read before it must not be used.
        assertThat(GENERATOR.upToDate(inputs, configuration)).isPresent();
    }

    private static Map<String, FileTime> markAll(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, MARK);
            }
        }
        return times(root);
    }

    private static Map<String, FileTime> times(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
