package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();
        buffer.append(cut).append("\uDD1E after");
        buffer.finish();
        Path file = temp.resolve("cut-pair");
        buffer.writeTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo((cut + "\uDD1E after").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextOfManyChunksIsEncodedComparedAndWrittenWhole() throws IOException {
        // Several chunks' worth, every kind of character landing on the chunks' ends, in pieces of
        // every path: single characters, short pieces, long whole strings, long substrings.
        String unit = "ascii é ß € 𝄞 lone \uD834 x \uDD1E ";
        StringBuilder whole = new StringBuilder();
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();
        int piece = 0;
        while (whole.length() < 5 * OutputDirectory.Utf8Buffer.CHUNK) {
            String text = unit.repeat(1 + piece % 40) + piece;
            int kind = piece++ % 4;
            switch (kind) {
                case 0 -> text.chars().forEach(c -> buffer.append((char) c));
                case 1 -> buffer.append(text);
                case 2 -> buffer.append(text.repeat(20));
                default -> buffer.append("(" + text.repeat(20) + ")", 1, 1 + 20 * text.length());
            }
            whole.append(kind < 2 ? text : text.repeat(20));
        }
        buffer.finish();
        byte[] expected = whole.toString().getBytes(StandardCharsets.UTF_8);
        Path file = temp.resolve("chunks");

        buffer.writeTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        assertThat(buffer.length()).isEqualTo(expected.length);
        assertThat(buffer.sameAs(file)).isTrue();

        // Same size, one byte different near the end: in the last chunk, not the first
        byte[] changed = expected.clone();
        changed[changed.length - 2] ^= 1;
        Files.write(file, changed);
        assertThat(buffer.sameAs(file)).isFalse();

        // Released after the large file, the buffer encodes the next, small one alone
        buffer.release();
        buffer.append("small");
        buffer.finish();
        buffer.writeTo(file);
        assertThat(Files.readString(file)).isEqualTo("small");
    }

    private void encodesAsStringGetBytes(String text) throws IOException {
        OutputDirectory.Utf8Buffer buffer = new OutputDirectory.Utf8Buffer();
        for (int split = 0; split <= text.length(); split++) {
            buffer.reset();
            buffer.append(text, 0, split).append(text.substring(split));
            buffer.finish();
            Path file = temp.resolve("encoded-" + split);
            buffer.writeTo(file);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Files.readAllBytes(file)).as("split at %d", split).isEqualTo(expected);
            assertThat(buffer.sameAs(file)).isTrue();
            Files.write(file, (text + " ").getBytes(StandardCharsets.UTF_8));
            assertThat(buffer.sameAs(file)).isFalse();
        }
    }
}
