package io.github.eventcat.codegen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.light.engine.Baselines;
import io.github.eventcat.codegen.light.engine.DocsRequest;
import io.github.eventcat.codegen.light.engine.DocsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs goals' history baselines load as the gate's do: a rule for generated code is waived, and said. */
class DocsBaselineTest {
    static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");

    @TempDir
    Path temp;

    @Test
    void aBaselineThatBreaksARuleForGeneratedCodeIsInTheHistoryWithAWarning() throws Exception {
        Path baseline = copy(EXAMPLE, temp.resolve("baseline"));
        Path manifest = baseline.resolve("catalog.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest).replace("package: com.example.events", "package: com.example.new"));
        RecordingLog log = new RecordingLog();

        DocsResult result = Docs.run(
                new DocsRequest(
                        EXAMPLE,
                        "src/main/catalog",
                        temp.resolve("site"),
                        "1.1.0",
                        new Baselines(null, baseline, "1.0.0", null, EXAMPLE, List.of(), coordinates -> List.of())),
                log);

        assertThat(log.lines)
                .filteredOn(line -> line.startsWith("[WARNING]"))
                .singleElement()
                .isEqualTo("[WARNING] Baseline 1.0.0 breaks a rule this version of Eventcat sets for generated code;"
                        + " waived, since a baseline is only compared against: catalog.yaml:3:10: \"package\" is"
                        + " \"com.example.new\", which is not a Java package name: use dot-separated Java identifiers"
                        + " that are not keywords, e.g. com.example.events");
        assertThat(result.topics()).isNotEmpty();
        assertThat(temp.resolve("site")).isNotEmptyDirectory();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}
