package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request change report against golden files under {@code src/test/resources/changes}.
 * Run with {@code -Dgolden.regenerate=true} to rewrite them after an intended change (and read the
 * diff).
 */
class ChangeReportTest {
    private static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");
    private static final Path GOLDEN = Path.of("src/test/resources/changes");

    @TempDir
    Path temp;

    @Test
    void anUnchangedCatalogReportsNoChanges() throws IOException {
        assertGolden("unchanged.md", run(copyExample("current")));
    }

    @Test
    void fieldsTopicsAndEventsAddedRemovedAndChangedWithTheVerdicts() throws IOException {
        Path current = copyExample("current");
        Path opened = current.resolve("schemas/repairshop/ticket_opened.avsc");
        edit(opened, ",\n          {\"name\": \"age\", \"type\": \"int\"}", "");
        edit(
                opened,
                "{\"name\": \"surname\", \"type\": \"string\"}",
                "{\"name\": \"surname\", \"type\": \"string\", \"doc\": \"Family name.\"},\n"
                        + "          {\"name\": \"phone\", \"type\": [\"null\", \"string\"], \"default\": null}");
        edit(
                current.resolve("schemas/todo/task_data.json"),
                "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},",
                "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},\n    \"estimate\": {\"type\": \"integer\", \"default\": 1},");
        edit(
                current.resolve("schemas/todo/task_event.json"),
                "\"task_id\": {\"type\": \"integer\"}",
                "\"task_id\": {\"type\": \"string\"}");
        // The examples show what the schemas write now.
        edit(current.resolve("examples/repairshop/ticket_opened.json"), ",\n    \"age\": 34", ",\n    \"phone\": null");
        edit(current.resolve("examples/todo/task_event.json"), "\"task_id\": 7", "\"task_id\": \"7\"");
        edit(
                current.resolve("catalog.yaml"),
                "  appointments:\n    key: ticket_id\n    partitions: 3\n    retention: 30d\n"
                        + "    events:\n      - schemas/repairshop/appointment_booked.avsc\n\n",
                "");
        edit(
                current.resolve("catalog.yaml"),
                "topics:\n",
                "topics:\n  invoices:\n    key: ticket_id\n    events:\n"
                        + "      - schemas/repairshop/invoice_sent.avsc\n");
        Files.writeString(
                current.resolve("schemas/repairshop/invoice_sent.avsc"),
                "{\"type\": \"record\", \"name\":"
                        + " \"InvoiceSent\", \"namespace\": \"com.example.repairshop\", \"fields\": [{\"name\": \"ticket_id\","
                        + " \"type\": \"string\"}]}");
        assertGolden("changed.md", run(current));
    }

    private String run(Path current) throws IOException {
        Path report = temp.resolve("target/eventcat/changes.md");
        CatalogCompatibilityGate.run(new CompatibilityGateRequest(
                current,
                "src/main/catalog",
                List.of(BaselineSource.directory(EXAMPLE, "1.0.0")),
                true,
                Optional.empty(),
                Optional.of(report)));
        return Files.readString(report, StandardCharsets.UTF_8);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path expected = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.regenerate")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private Path copyExample(String name) throws IOException {
        Path target = temp.resolve(name);
        try (Stream<Path> paths = Files.walk(EXAMPLE)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(EXAMPLE.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
