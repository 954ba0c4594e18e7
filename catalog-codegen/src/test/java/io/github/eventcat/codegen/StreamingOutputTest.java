package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are encoded and staged as contributors make them, and moved into place when the run
 * succeeds: what failed and killed runs leave behind, and the bytes the writer's encoder produces.
 */
class StreamingOutputTest {
    @TempDir
    Path temp;

    /** Emits the given files (path → content). */
    private record Emitter(String id, Map<String, String> files) implements SourceContributor {
        @Override
        public void contribute(CodegenInput input, SourceSink sink) {
            files.forEach((path, content) -> sink.accept(path, "schemas/" + id + ".json", out -> out.append(content)));
        }
    }

    /** Fails after the other contributors had every chance to write. */
    private record Failing() implements SourceContributor {
        @Override
        public String id() {
            return "failing/1";
        }

        @Override
        public void contribute(CodegenInput input, SourceSink sink) {
            throw new CodegenException(List.of(new CodegenProblem("schemas/bad.json", "", "cannot be generated")));
        }
    }

    private GenerationResult generate(List<SourceContributor> contributors, Path out) {
        Catalog catalog = Fixtures.catalog("json-types");
        return new CodeGenerator(contributors)
                .generate(new GenerationRequest(catalog, CodegenConfiguration.defaults(out)));
    }

    @Test
    void aRunThatFailsAfterOthersMadeTheirFilesLeavesTheOutputAndItsStateAsTheyWere() throws IOException {
        Path out = temp.resolve("out");
        List<SourceContributor> good = List.of(new Emitter("one", Map.of("a/One.java", "class One {}\n")));
        GenerationResult first = generate(good, out);
        assertThat(first.written()).containsExactly("a/One.java");
        String state = Files.readString(out.resolve(OutputDirectory.STATE_FILE));

        // Another generator makes a changed One.java and a new Two.java, then fails.
        List<SourceContributor> failing = List.of(
                new Emitter(
                        "two", Map.of("a/One.java", "class One { int changed; }\n", "a/Two.java", "class Two {}\n")),
                new Failing());
        assertThatThrownBy(() -> generate(failing, out))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("cannot be generated");

        assertThat(out.resolve("a/One.java")).hasContent("class One {}");
        assertThat(out.resolve("a/Two.java")).doesNotExist();
        assertThat(Files.readString(out.resolve(OutputDirectory.STATE_FILE))).isEqualTo(state);
        assertThat(staging(out)).doesNotExist();
        assertThat(generate(good, out).upToDate()).isTrue();
    }

    @Test
    void filesStagedByAKilledRunAreDroppedAndAnIncompleteStateIsNeverUpToDate() throws IOException {
        Path out = temp.resolve("out");
        List<SourceContributor> good = List.of(new Emitter("one", Map.of("a/One.java", "class One {}\n")));
        generate(good, out);
        // As a run killed while moving its files leaves things: a staged file, a moved one, and a
        // state matching no run that lists every file it may have put there.
        Files.createDirectories(staging(out).resolve("a"));
        Files.writeString(staging(out).resolve("a/Three.java"), "class Three {}\n");
        Files.writeString(out.resolve("a/Two.java"), "class Two {}\n");
        Path stateFile = out.resolve(OutputDirectory.STATE_FILE);
        Files.writeString(
                stateFile,
                Files.readString(stateFile).replaceAll("fingerprint .*", "fingerprint incomplete")
                        + "file a/Two.java\n");

        GenerationResult again = generate(good, out);

        assertThat(again.upToDate()).isFalse();
        assertThat(again.unchanged()).containsExactly("a/One.java");
        assertThat(again.deleted()).containsExactly("a/Two.java");
        assertThat(staging(out)).doesNotExist();
        assertThat(out.resolve("a/Three.java")).doesNotExist();
        assertThat(generate(good, out).upToDate()).isTrue();
    }

    @Test
    void changedFilesAreMovedIntoPlaceAndUnchangedOnesLeftAlone() throws IOException {
        Path out = temp.resolve("out");
        generate(
                List.of(new Emitter("one", Map.of("a/One.java", "class One {}\n", "b/c/Two.java", "class Two {}\n"))),
                out);
        FileTime mark = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a/One.java"), mark);

        GenerationResult result = generate(
                List.of(new Emitter("two", Map.of("a/One.java", "class One {}\n", "b/c/Two.java", "class Two { }\n"))),
                out);

        assertThat(result.written()).containsExactly("b/c/Two.java");
        assertThat(result.unchanged()).containsExactly("a/One.java");
        assertThat(Files.getLastModifiedTime(out.resolve("a/One.java"))).isEqualTo(mark);
        assertThat(out.resolve("b/c/Two.java")).hasContent("class Two { }");
        assertThat(staging(out)).doesNotExist();
    }

    private static Path staging(Path out) {
        return out.resolveSibling(out.getFileName() + OutputDirectory.STAGING_SUFFIX);
    }

    @Test
    void filesOfTheSamePathFromTwoContributorsAreReportedAndTheRunFails() {
        Path out = temp.resolve("out");
        List<SourceContributor> colliding = List.of(
                new Emitter("one", Map.of("a/Same.java", "class Same {}\n")),
                new Emitter("two", Map.of("a/same.java", "class same {}\n")));

        assertThatThrownBy(() -> generate(colliding, out))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("differ only in case");
    }

    @Test
    void theWriterEncodesUtf8ExactlyAsStringGetBytes() throws IOException {
        String text = "ascii é ß € 𝄞 ok, lone high \uD834 end, lone low \uDD1E, high at end \uD834";
        encodesAsStringGetBytes(text);
    }

    @Test
    void theWriterEncodesLongStringsExactlyAsStringGetBytes() throws IOException {
        // Long enough for the writer's bulk path, with every kind of cut around surrogates.
        String text = "ascii é ß € 𝄞 ok, lone high \uD834 end, lone low \uDD1E, high at end \uD834";
        String repeated = text.repeat(2 * OutputDirectory.Utf8Buffer.BULK / text.length() + 2);
        assertThat(repeated.length()).isGreaterThan(2 * OutputDirectory.Utf8Buffer.BULK);
        encodesAsStringGetBytes(repeated);
        encodesAsStringGetBytes(repeated.substring(0, repeated.length() - 1) + "𝄞 ends with a pair 𝄞");

        // A long string ending in the first half of a pair whose second half comes in the next one
        String cut = "x".repeat(OutputDirectory.Utf8Buffer.BULK) + "\uD834";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();
        buffer.start((bytes, length) -> out.write(bytes, 0, length));
        buffer.append(cut).append("\uDD1E after");
        buffer.finish();
        assertThat(out.toByteArray()).isEqualTo((cut + "\uDD1E after").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextOfManyChunksIsComparedWithTheFileThereAndStagedFromTheFirstDifference() throws IOException {
        // Several chunks' worth, every kind of character landing on the chunks' ends, in pieces of
        // every path: single characters, short pieces, long whole strings, long substrings.
        String unit = "ascii é ß € 𝄞 lone \uD834 x \uDD1E ";
        StringBuilder whole = new StringBuilder();
        List<ThrowingConsumer<OutputDirectory.Utf8Buffer>> pieces = new ArrayList<>();
        for (int piece = 0; whole.length() < 5 * OutputDirectory.Utf8Buffer.CHUNK; piece++) {
            String text = unit.repeat(1 + piece % 40) + piece;
            int kind = piece % 4;
            switch (kind) {
                case 0 ->
                    pieces.add(b -> {
                        for (char c : text.toCharArray()) {
                            b.append(c);
                        }
                    });
                case 1 -> pieces.add(b -> b.append(text));
                case 2 -> pieces.add(b -> b.append(text.repeat(20)));
                default -> pieces.add(b -> b.append("(" + text.repeat(20) + ")", 1, 1 + 20 * text.length()));
            }
            whole.append(kind < 2 ? text : text.repeat(20));
        }
        byte[] expected = whole.toString().getBytes(StandardCharsets.UTF_8);
        byte[] differentNearTheEnd = expected.clone();
        differentNearTheEnd[expected.length - 2] ^= 1;
        byte[] longer = Arrays.copyOf(expected, expected.length + 1);
        byte[] shorter = Arrays.copyOf(expected, expected.length - 1);
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();

        // Nothing there: staged
        assertThat(compare(buffer, pieces, null)).isEqualTo(expected);
        // The same bytes there: unchanged, nothing staged
        assertThat(compare(buffer, pieces, expected)).isNull();
        // Different in the last chunk only, longer or shorter: staged whole (the same part copied over)
        assertThat(compare(buffer, pieces, differentNearTheEnd)).isEqualTo(expected);
        assertThat(compare(buffer, pieces, longer)).isEqualTo(expected);
        assertThat(compare(buffer, pieces, shorter)).isEqualTo(expected);
        assertThat(compare(buffer, pieces, new byte[0])).isEqualTo(expected);
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T value) throws IOException;
    }

    /** The staged bytes, or null when the file there already held them (and nothing was staged). */
    private byte[] compare(
            OutputDirectory.Utf8Buffer buffer, List<ThrowingConsumer<OutputDirectory.Utf8Buffer>> pieces, byte[] there)
            throws IOException {
        Path target = temp.resolve("compared/Target.java");
        Path staged = temp.resolve("staged/Target.java");
        Files.deleteIfExists(staged);
        Files.deleteIfExists(target);
        if (there != null) {
            Files.createDirectories(target.getParent());
            Files.write(target, there);
        }
        boolean unchanged;
        try (OutputDirectory.ComparedFile file =
                new OutputDirectory.ComparedFile(target, staged, Files::createDirectories, buffer.scratch())) {
            buffer.start(file);
            for (ThrowingConsumer<OutputDirectory.Utf8Buffer> piece : pieces) {
                piece.accept(buffer);
            }
            buffer.finish();
            unchanged = file.finish();
        }
        assertThat(Files.exists(staged)).isEqualTo(!unchanged);
        if (there != null) {
            assertThat(Files.readAllBytes(target))
                    .as("the file there is only read")
                    .isEqualTo(there);
        }
        return unchanged ? null : Files.readAllBytes(staged);
    }

    private void encodesAsStringGetBytes(String text) throws IOException {
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();
        for (int split = 0; split <= text.length(); split++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            buffer.start((bytes, length) -> out.write(bytes, 0, length));
            buffer.append(text, 0, split).append(text.substring(split));
            buffer.finish();
            assertThat(out.toByteArray()).as("split at %d", split).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
