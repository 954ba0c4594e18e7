package io.github.eventcat.codegen.light.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.light.state.InputFingerprint.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input fingerprint taken from the state without hashing when nothing under the catalog
 * changed, and every way a catalog can change while its listing still looks alike: each must be
 * computed in full, giving the fingerprint of the bytes there now.
 */
class InputFingerprintReuseTest {
    private static final String PLUGIN = "1.0.0";
    private static final List<String> STEPS = List.of("avro", "json");
    private static final String CONFIGURATION = "outbox=false";
    /** Old enough to be recorded: not within {@link InputFingerprint#RACY_MILLIS} of now. */
    private static final FileTime OLD = FileTime.from(Instant.now().minusSeconds(600));

    @TempDir
    Path temp;

    private Path catalog;
    private Path out;

    @BeforeEach
    void catalog() throws IOException {
        catalog = Files.createDirectories(temp.resolve("catalog"));
        out = temp.resolve("out");
        Files.createDirectories(catalog.resolve("schemas"));
        Files.writeString(catalog.resolve("catalog.yaml"), "package: com.example\n");
        // Two files of the same size, given the same time stamp below.
        Files.writeString(catalog.resolve("schemas/b.avsc"), "{\"name\": \"B\"}");
        Files.writeString(catalog.resolve("schemas/c.avsc"), "{\"name\": \"C\"}");
    }

    @Test
    void anUnchangedCatalogTakesTheRecordedFingerprintWithoutHashing() throws IOException {
        InputFingerprint recorded = recordOld();

        InputFingerprint again = fingerprint();

        assertThat(again.reused()).isTrue();
        assertThat(again).isEqualTo(recorded).isEqualTo(computedInFull());
        assertThat(again.cacheable()).isEqualTo(recorded.cacheable()).hasSize(3);
        assertThat(again.fromDigests()).isTrue();
    }

    @Test
    void aFileChangedWithinTheTimeStampGranularityOfItsHashingIsHashedAgain() throws IOException {
        markAll(OLD);
        Path c = catalog.resolve("schemas/c.avsc");
        Files.writeString(c, "{\"name\": \"D\"}"); // modified now: too recent to record
        FileTime recent = Files.getLastModifiedTime(c);
        InputFingerprint recorded = record(fingerprint());
        assertThat(recorded.fromDigests()).isFalse();
        assertThat(recorded.cacheable()).extracting(d -> d.path()).containsExactly("catalog.yaml", "schemas/b.avsc");

        // Changed again within the same time stamp (a coarse clock): size and time are the same.
        Files.writeString(c, "{\"name\": \"E\"}");
        Files.setLastModifiedTime(c, recent);

        assertChangedFrom(recorded);
    }

    @Test
    void aFileTooRecentToRecordThatIsThenRemovedIsSeen() throws IOException {
        markAll(OLD);
        Files.writeString(catalog.resolve("schemas/d.avsc"), "{\"name\": \"D\"}"); // too recent to record
        InputFingerprint recorded = record(fingerprint());
        assertThat(recorded.fromDigests()).isFalse();

        // What is left is exactly the recorded digests, all unchanged: yet the fingerprint had d.avsc.
        Files.delete(catalog.resolve("schemas/d.avsc"));

        assertChangedFrom(recorded);
    }

    @Test
    void filesSwappedByRenamesKeepingSizeAndTimeAreHashedAgain() throws IOException {
        InputFingerprint recorded = recordOld();
        Path b = catalog.resolve("schemas/b.avsc");
        Path c = catalog.resolve("schemas/c.avsc");
        Path moved = catalog.resolve("moved.tmp");

        Files.move(b, moved);
        Files.move(c, b);
        Files.move(moved, c);

        assertThat(Files.getLastModifiedTime(b)).isEqualTo(Files.getLastModifiedTime(c));
        assertChangedFrom(recorded);
    }

    @Test
    void aFileRenamedOverAnotherOfTheSameSizeAndTimeIsSeen() throws IOException {
        InputFingerprint recorded = recordOld();

        Files.move(
                catalog.resolve("schemas/c.avsc"),
                catalog.resolve("schemas/b.avsc"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertChangedFrom(recorded);
    }

    @Test
    void anAddedFileIsSeen() throws IOException {
        InputFingerprint recorded = recordOld();

        Files.writeString(catalog.resolve("schemas/d.avsc"), "{\"name\": \"D\"}");
        Files.setLastModifiedTime(catalog.resolve("schemas/d.avsc"), OLD);

        assertChangedFrom(recorded);
    }

    @Test
    void aRemovedFileIsSeen() throws IOException {
        InputFingerprint recorded = recordOld();

        Files.delete(catalog.resolve("schemas/c.avsc"));

        assertChangedFrom(recorded);
    }

    @Test
    void aDirectoryReplacedByACopyWithTheSameNamesSizesAndTimesIsHashedAgain() throws IOException {
        InputFingerprint recorded = recordOld();
        Path schemas = catalog.resolve("schemas");
        Path old = Files.move(schemas, temp.resolve("schemas.old"));

        // A copy where one file has other bytes of the same size, every time stamp as before.
        Files.createDirectories(schemas);
        Files.writeString(schemas.resolve("b.avsc"), "{\"name\": \"X\"}");
        Files.copy(old.resolve("c.avsc"), schemas.resolve("c.avsc"));
        Files.setLastModifiedTime(schemas.resolve("b.avsc"), OLD);
        Files.setLastModifiedTime(schemas.resolve("c.avsc"), OLD);
        Files.setLastModifiedTime(schemas, Files.getLastModifiedTime(old));

        assertChangedFrom(recorded);
    }

    @Test
    void aDirectoryReplacedByALinkToTheSameFilesIsComputedInFull() throws IOException {
        InputFingerprint recorded = recordOld();
        Path schemas = catalog.resolve("schemas");
        Path moved = Files.move(schemas, temp.resolve("schemas-elsewhere"));

        Files.createSymbolicLink(schemas, moved);

        InputFingerprint now = fingerprint();
        assertThat(now.reused()).isFalse();
        assertThat(now).isEqualTo(computedInFull()).isNotEqualTo(recorded);
    }

    @Test
    void aRecordedDigestOfAFileModifiedTooRecentlyIsNotTakenWithoutHashing() throws IOException {
        // Only a clock set back, or a state copied from elsewhere, records one: the files were
        // written just now, and the state claims their digests with their current time stamps.
        List<FileDigest> digests = new ArrayList<>();
        for (String path : List.of("catalog.yaml", "schemas/b.avsc", "schemas/c.avsc")) {
            Path file = catalog.resolve(path);
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            digests.add(new FileDigest(
                    path,
                    attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS),
                    InputFingerprint.fileKey(attributes),
                    sha256(file)));
        }
        InputFingerprint full = computedInFull();
        new GeneratorState("catalog", full.value(), PLUGIN, CONFIGURATION, STEPS, true, List.of(), digests, Map.of())
                .write(out);

        InputFingerprint now = fingerprint();

        assertThat(now.reused()).isFalse();
        assertThat(now).isEqualTo(full);
    }

    @Test
    void anotherGeneratorStepsOrConfigurationIsComputedInFull() throws IOException {
        InputFingerprint recorded = recordOld();
        GeneratorState.Snapshot state = GeneratorState.snapshot(out);

        List<InputFingerprint> others = List.of(
                InputFingerprint.of(catalog, "1.0.1", STEPS, CONFIGURATION, state),
                InputFingerprint.of(catalog, PLUGIN, List.of("avro"), CONFIGURATION, state),
                InputFingerprint.of(catalog, PLUGIN, STEPS, "outbox=true", state));

        assertThat(others).allSatisfy(other -> {
            assertThat(other.reused()).isFalse();
            assertThat(other).isNotEqualTo(recorded);
        });
    }

    @Test
    void aConfigurationWithALineBreakIsNeverTakenFromTheState() throws IOException {
        markAll(OLD);
        // Recorded on a line of the state file: it would read back as its first line.
        record(InputFingerprint.of(catalog, PLUGIN, STEPS, "outbox=false\nmore", GeneratorState.snapshot(out)));

        InputFingerprint firstLine =
                InputFingerprint.of(catalog, PLUGIN, STEPS, "outbox=false", GeneratorState.snapshot(out));

        assertThat(firstLine.reused()).isFalse();
        assertThat(firstLine).isEqualTo(InputFingerprint.of(catalog, PLUGIN, STEPS, "outbox=false", Map.of()));
    }

    @Test
    void aStateOfFormat1IsHashedInFullAndRewrittenInFormat2() throws IOException {
        InputFingerprint recorded = recordOld();
        Path stateFile = out.resolve(GeneratorState.STATE_FILE);
        // The same state as format 1 wrote it: no format line, digests without the file key.
        String format1 = Files.readString(stateFile)
                .replace("format 2\n", "")
                .replace("inputs-from-digests\n", "")
                .replaceAll("(?m)^step .*\n", "")
                .replaceAll("(?m)^digest (\\d+) (\\d+) \\S+ ", "digest $1 $2 ");
        Files.writeString(stateFile, format1);

        InputFingerprint now = fingerprint();

        assertThat(now.reused()).isFalse();
        assertThat(now).isEqualTo(recorded);
        assertThat(GeneratorState.upToDate(out, now)).isPresent();
        assertThat(Files.readString(stateFile)).contains("format 2\n", "inputs-from-digests\n");
        assertThat(fingerprint().reused()).isTrue();
    }

    /** Asserts the fingerprint is computed in full now and differs from the recorded one. */
    private void assertChangedFrom(InputFingerprint recorded) throws IOException {
        InputFingerprint now = fingerprint();
        assertThat(now.reused()).isFalse();
        assertThat(now).isEqualTo(computedInFull()).isNotEqualTo(recorded);
        assertThat(GeneratorState.upToDate(out, now)).isEmpty();
    }

    /** Every catalog file made old, then fingerprinted and recorded with its digests. */
    private InputFingerprint recordOld() throws IOException {
        markAll(OLD);
        InputFingerprint recorded = record(fingerprint());
        assertThat(recorded.fromDigests()).isTrue();
        return recorded;
    }

    /** What a generator run records: the state with this input fingerprint (no generated files). */
    private InputFingerprint record(InputFingerprint inputs) throws IOException {
        GeneratorState.of("catalog", Optional.of(inputs), List.of()).write(out);
        return inputs;
    }

    private InputFingerprint fingerprint() throws IOException {
        return InputFingerprint.of(catalog, PLUGIN, STEPS, CONFIGURATION, GeneratorState.snapshot(out));
    }

    /** From the bytes, no digest reused. */
    private InputFingerprint computedInFull() {
        return InputFingerprint.of(catalog, PLUGIN, STEPS, CONFIGURATION, Map.of());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void markAll(FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(catalog)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, time);
            }
        }
    }
}
