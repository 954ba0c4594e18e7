package io.github.eventcat.codegen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.light.engine.Baselines;
import io.github.eventcat.codegen.light.engine.DocsRequest;
import io.github.eventcat.codegen.light.engine.DocsResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs goals' history baselines load as the gate's do: a rule for generated code is waived, and said. */
class DocsBaselineTest {
    static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");

    @TempDir
    Path temp;

    @Test
    void aBaselineThatBreaksARuleForGeneratedCodeIsInTheHistoryWithAWarning() throws Exception {
        // Released before packages had to be Java package names: "new" is a keyword.
        Path baseline = temp.resolve("baseline");
        Files.createDirectories(baseline.resolve("schemas"));
        Files.copy(
                EXAMPLE.resolve("schemas/repairshop/ticket_opened.avsc"),
                baseline.resolve("schemas/ticket_opened.avsc"));
        Files.writeString(
                baseline.resolve("catalog.yaml"),
                "package: com.example.new\ntopics:\n  tickets:\n    key: ticket_id\n    events: [schemas/ticket_opened.avsc]\n");
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
                        + " waived, since a baseline is only compared against: catalog.yaml:1:10: \"package\" is"
                        + " \"com.example.new\", which is not a Java package name: use dot-separated Java identifiers"
                        + " that are not keywords, e.g. com.example.events");
        assertThat(result.topics()).isNotEmpty();
        assertThat(temp.resolve("site")).isNotEmptyDirectory();
    }
}
