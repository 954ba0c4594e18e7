package io.github.eventcat.codegen.light.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.light.state.InputFingerprint.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: what it records, how it reads back, and when its directory times are trusted. */
class GeneratorStateTest {
    @TempDir
    Path temp;

    @Test
    void writtenStateReadsBackTheSame() throws IOException {
        GeneratorState state = new GeneratorState(
                "f".repeat(64),
                "a".repeat(64),
                "1.2.3",
                "dateTimeType=null;outbox=false",
                List.of("avro", "json"),
                true,
                List.of(
                        "com/example/A.java",
                        "com/example/B.java",
                        "com/example/b/B.java",
                        "com/example/C.java",
                        "Top.java"),
                List.of(new FileDigest(
                        "schemas/a b.avsc", 12, 1_700_000_000_000_001L, "(dev=803,ino=42)", "c".repeat(64))),
                Map.of("com/example", 1_700_000_000_000_000L, "", 1_600_000_000_000_000L));

        state.write(temp);

        assertThat(GeneratorState.read(temp)).contains(state);
        assertThat(Files.readString(temp.resolve(GeneratorState.STATE_FILE)))
                .contains("\nformat 2\n", "\nplugin 1.2.3\n", "\nconfiguration dateTimeType=null;outbox=false\n")
                .contains("\nstep avro\nstep json\ninputs-from-digests\n")
                // Each run of files in one directory under one line, so the order is kept.
                .contains("\nfiles-in com/example\n A.java\n B.java\nfiles-in com/example/b\n B.java\n"
                        + "files-in com/example\n C.java\nfiles-in \n Top.java\n")
                .contains("\ndigest 12 1700000000000001 (dev=803,ino=42) " + "c".repeat(64) + " schemas/a b.avsc\n")
                .contains("\ndirectory 1600000000000000 \n", "\ndirectory 1700000000000000 com/example\n");
    }

    @Test
    void aStateOfFormat1IsReadWithoutItsDigests() throws IOException {
        // As written before format 2: a line per file, digests without the file key.
        Files.writeString(
                temp.resolve(GeneratorState.STATE_FILE),
                "# Written by the Eventcat code generator: what it generated here last. Do not edit.\n"
                        + "fingerprint " + "f".repeat(64) + "\n"
                        + "inputs " + "a".repeat(64) + "\n"
                        + "plugin 1.2.3\n"
                        + "configuration outbox=false\n"
                        + "file com/example/A.java\n"
                        + "file Top.java\n"
                        + "digest 12 1700000000000001 " + "c".repeat(64) + " schemas/a.avsc\n"
                        + "directory 1700000000000000 com/example\n");

        GeneratorState state = GeneratorState.read(temp).orElseThrow();

        assertThat(state.files()).containsExactly("com/example/A.java", "Top.java");
        assertThat(state.inputs()).isEqualTo("a".repeat(64));
        assertThat(state.directories()).isEqualTo(Map.of("com/example", 1_700_000_000_000_000L));
        // Its digests lack the file key: those files are hashed again, and its fingerprint is
        // never taken without hashing.
        assertThat(state.digests()).isEmpty();
        assertThat(state.inputsFromDigests()).isFalse();
    }

    @Test
    void noStateAndADamagedStateAreUnknown() throws IOException {
        assertThat(GeneratorState.read(temp)).isEmpty();

        Files.writeString(temp.resolve(GeneratorState.STATE_FILE), "file A.java\ninputs " + "a".repeat(64) + "\n");

        assertThat(GeneratorState.read(temp)).isEmpty();
    }

    @Test
    void damagedDigestAndDirectoryLinesAreDropped() throws IOException {
        Files.writeString(
                temp.resolve(GeneratorState.STATE_FILE),
                "format 2\nfingerprint x\ndigest 1 2 k short a.avsc\ndigest 1 2 " + "c".repeat(64) + " a.avsc\n"
                        + "directory soon com\ndirectory 5 ok\n");

        GeneratorState state = GeneratorState.read(temp).orElseThrow();

        assertThat(state.digests()).isEmpty();
        assertThat(state.directories()).isEqualTo(Map.of("ok", 5L));
    }

    @Test
    void aDirectoryChangedTooCloseToTheStateIsListed() throws IOException {
        GeneratorState state = stateWith("com/A.java", "com/B.java");
        // The directory's time is recorded, but it is within the racy interval of the state file:
        // a deletion in the same clock tick would leave it unchanged, so it is listed.
        Files.delete(temp.resolve("com/B.java"));
        FileTime recorded = FileTime.from(
                java.util.concurrent.TimeUnit.MICROSECONDS.toMillis(
                        state.directories().get("com")),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        Files.setLastModifiedTime(temp.resolve("com"), recorded);

        assertThat(state.present(temp)).isEmpty();
    }

    @Test
    void anOldUnchangedDirectoryIsNotListed() throws IOException {
        Files.createDirectories(temp.resolve("com"));
        Files.writeString(temp.resolve("com/A.java"), "a");
        Files.writeString(temp.resolve("com/B.java"), "b");
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(temp.resolve("com"), old);
        List<String> files = List.of("com/A.java", "com/B.java");
        GeneratorState state = GeneratorState.of("f", Optional.empty(), files)
                .withDirectories(GeneratorState.directoryTimes(temp, files));
        state.write(temp);

        // A file gone without the directory's time moving (only a tool setting it back does that):
        // the old, unchanged directory is trusted and not listed.
        Files.delete(temp.resolve("com/B.java"));
        Files.setLastModifiedTime(temp.resolve("com"), old);
        assertThat(state.present(temp)).isPresent();

        // Any change moves the time: then it is listed and the file found missing.
        Files.writeString(temp.resolve("com/C.java"), "c");
        assertThat(state.present(temp)).isEmpty();
    }

    @Test
    void directoriesAGeneratingRunChangedAreSettledSoTheNextBuildTrustsThem() throws IOException {
        Files.createDirectories(temp.resolve("com"));
        Files.writeString(temp.resolve("com/A.java"), "a");
        Files.writeString(temp.resolve("com/B.java"), "b");
        long before = System.currentTimeMillis();
        List<String> files = List.of("com/A.java", "com/B.java");
        GeneratorState state = GeneratorState.of("f", Optional.empty(), files)
                .withDirectories(GeneratorState.settledDirectoryTimes(temp, files));
        state.write(temp);

        FileTime settled = Files.getLastModifiedTime(temp.resolve("com"));
        assertThat(settled.toMillis()).isLessThan(before - InputFingerprint.RACY_MILLIS);
        assertThat(state.directories().get("com")).isEqualTo(settled.to(java.util.concurrent.TimeUnit.MICROSECONDS));
        // Trusted: not listed, so a deletion hidden by setting the time back goes unseen...
        Files.delete(temp.resolve("com/B.java"));
        assertThat(Files.getLastModifiedTime(temp.resolve("com"))).isNotEqualTo(settled);
        Files.setLastModifiedTime(temp.resolve("com"), settled);
        assertThat(state.present(temp)).isPresent();
        // ...while any change as it happens moves the time to the present: listed, found missing.
        Files.writeString(temp.resolve("com/C.java"), "c");
        assertThat(state.present(temp)).isEmpty();
    }

    @Test
    void aMissingDirectoryMeansNotPresent() throws IOException {
        GeneratorState state = stateWith("com/A.java");
        Files.delete(temp.resolve("com/A.java"));
        Files.delete(temp.resolve("com"));

        assertThat(state.present(temp)).isEmpty();
    }

    /** Files generated now, and the state recording them (with their directories' times). */
    private GeneratorState stateWith(String... paths) throws IOException {
        for (String path : paths) {
            Files.createDirectories(temp.resolve(path).getParent());
            Files.writeString(temp.resolve(path), path);
        }
        List<String> files = List.of(paths);
        GeneratorState state = GeneratorState.of("f", Optional.empty(), files)
                .withDirectories(GeneratorState.directoryTimes(temp, files));
        state.write(temp);
        return state;
    }
}
