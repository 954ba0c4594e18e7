package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path temp;

    @Test
    void eventPagesShowWhatChangedSinceEachBaselineWithTheVerdict() throws Exception {
        Path v1 = copyExample(temp.resolve("v1"));
        // Version 1.0 had no middlename and a string age; the example payload written for the current
        // schema did not exist yet.
        Path manifest = v1.resolve("catalog.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest).replace(", examples: [examples/repairshop/ticket_opened.json]", ""));
        Path opened = v1.resolve("schemas/repairshop/ticket_opened.avsc");
        Files.writeString(
                opened,
                Files.readString(opened)
                        .replace("{\"name\": \"middlename\", \"type\": [\"null\", \"string\"], \"default\": null},", "")
                        .replace(
                                "{\"name\": \"age\", \"type\": \"int\"}", "{\"name\": \"age\", \"type\": \"string\"}"));
        Path v2 = copyExample(temp.resolve("v2"));
        Path current = copyExample(temp.resolve("current"));
        Path closed = current.resolve("schemas/repairshop/ticket_closed.avsc");
        Files.writeString(
                closed,
                Files.readString(closed)
                        .replace(
                                "\"fields\": [",
                                "\"fields\": [{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null},"));

        DocsGenerator.generate(new DocsRequest(
                CatalogLoader.load(current),
                temp.resolve("site"),
                "3.0",
                List.of(
                        new DocsBaseline("1.0", CatalogLoader.load(v1)),
                        new DocsBaseline("2.0", CatalogLoader.load(v2)))));

        String openedPage = Files.readString(temp.resolve("site/event-com.example.repairshop.TicketOpened.html"));
        assertThat(openedPage)
                .contains("<h2>History</h2>", "<code>1.0</code> → <code>2.0</code> → <code>3.0</code>")
                .contains("<h3>1.0 → 2.0: breaking under BACKWARD_TRANSITIVE</h3>")
                .contains(
                        "<tr><td>added</td><td><code>requester.middlename</code></td><td></td><td>null | string, optional, default null</td></tr>")
                .contains(
                        "<tr><td>changed</td><td><code>requester.age</code></td><td>string, required</td><td>int, required</td></tr>")
                // Transitive: 2.0 → 3.0 changes nothing, yet 3.0 is still checked against 1.0.
                .contains("<h3>2.0 → 3.0: breaking under BACKWARD_TRANSITIVE</h3>\n<p>No field changes.</p>");
        String closedPage = Files.readString(temp.resolve("site/event-com.example.repairshop.TicketClosed.html"));
        assertThat(closedPage)
                .contains("<h3>1.0 → 2.0: compatible under BACKWARD_TRANSITIVE</h3>\n<p>No field changes.</p>")
                .contains("<h3>2.0 → 3.0: compatible under BACKWARD_TRANSITIVE</h3>")
                .contains("<tr><td>added</td><td><code>note</code></td>");
    }

    @Test
    void anEventNoBaselineHasIsNew() throws Exception {
        Path v1 = copyExample(temp.resolve("v1"));
        Path yaml = v1.resolve("catalog.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("      - schemas/repairshop/ticket_closed.avsc\n", ""));
        DocsGenerator.generate(new DocsRequest(
                CatalogLoader.load(DocsGeneratorTest.EXAMPLE),
                temp.resolve("site"),
                "2.0",
                List.of(new DocsBaseline("1.0", CatalogLoader.load(v1)))));
        assertThat(Files.readString(temp.resolve("site/event-com.example.repairshop.TicketClosed.html")))
                .contains("Versions with this event: <code>2.0</code>. New: no baseline has it.</p>");
    }

    private static Path copyExample(Path target) throws Exception {
        Path source = DocsGeneratorTest.EXAMPLE;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path path : files.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }
}
