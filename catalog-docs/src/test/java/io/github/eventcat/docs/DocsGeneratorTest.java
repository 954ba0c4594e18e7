package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Parallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsGeneratorTest {
    static final Path EXAMPLE = Path.of(System.getProperty("example.catalog", "../generated-example/src/main/catalog"));

    @TempDir
    Path temp;

    @Test
    void overviewListsEveryTopicWithItsSettings() throws IOException {
        Catalog catalog = CatalogLoader.load(EXAMPLE);
        DocsResult result = DocsGenerator.generate(DocsRequest.of(catalog, temp.resolve("site")));
        String index = Files.readString(result.index());
        catalog.topics().forEach(t -> {
            assertThat(index).contains(">" + t.name() + "</a>");
            assertThat(Files.exists(temp.resolve("site").resolve(CatalogView.topicPage(t))))
                    .isTrue();
        });
        assertThat(index)
                .contains("Example events exercising Avro and JSON Schema")
                .contains("<code>ticket_id</code>")
                .contains("<td>30d</td>")
                .contains("<td>infinite</td>")
                .contains("<td>FULL_TRANSITIVE</td>")
                .contains("tickets-com.example.repairshop.TicketOpened")
                .contains("<svg")
                .contains("<title id=\"map-title\">");
        String tickets = Files.readString(temp.resolve("site/topic-tickets.html"));
        assertThat(tickets)
                .contains(
                        "com.example.events.TicketsProducer",
                        "com.example.events.TicketsHandler",
                        "com.example.events.TicketsConsumer",
                        "com.example.repairshop.TicketOpened",
                        "public void onTicketOpened(TicketOpened event, EventContext context)",
                        "retention.ms=2592000000");
        String orders = Files.readString(temp.resolve("site/topic-order.placed.html"));
        assertThat(orders).contains("com.example.events.OrderPlacedProducer");
    }

    @Test
    void eventPageShowsNestedFieldsWithTypesAndLinksReferencedTypes() throws IOException {
        DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(EXAMPLE), temp));
        String opened = Files.readString(temp.resolve("event-com.example.repairshop.TicketOpened.html"));
        assertThat(opened)
                .contains("<code>occurred_on</code></td><td>long (timestamp-millis)</td>")
                .contains("<code>ticket_id</code></td><td>string (uuid)</td>")
                .contains(
                        "<code>requester.middlename</code></td><td>null | string</td><td>optional</td><td><code>null</code>")
                .contains("<code>repair_type</code></td><td>enum RepairType</td>")
                .contains("<span class=\"tag\">windshield</span>")
                .contains("When the ticket was opened (UTC instant).")
                .contains("id=\"src-schemas~2frepairshop~2fticket_opened.avsc\"")
                .contains("<h2>Examples from the catalog</h2>")
                .contains("<h3><code>examples/repairshop/ticket_opened.json</code></h3>");
        String order = Files.readString(temp.resolve("event-com.example.orders.OrderPlaced.html"));
        assertThat(order)
                .contains("<a href=\"#src-schemas~2forders~2forder_line.avsc\">array&lt;record OrderLine&gt;</a>")
                .contains("bytes (decimal(12, 2))");
        String task = Files.readString(temp.resolve("event-com.example.events.TaskEvent.html"));
        assertThat(task)
                .contains("<code>task_data.priority</code>")
                .contains("<a href=\"#src-schemas~2ftodo~2ftask_data.json\">TaskData — object</a>")
                .contains("<code>timestamp</code></td><td>string (date-time)</td><td><span class=\"required\">");
    }

    @Test
    void sameCatalogGivesByteIdenticalFilesAndRewritesNothing() throws IOException {
        Catalog catalog = CatalogLoader.load(EXAMPLE);
        DocsResult first = DocsGenerator.generate(DocsRequest.of(catalog, temp.resolve("a")));
        DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(EXAMPLE), temp.resolve("b")));
        assertThat(contents(temp.resolve("a"))).isEqualTo(contents(temp.resolve("b")));
        DocsResult again = DocsGenerator.generate(DocsRequest.of(catalog, temp.resolve("a")));
        assertThat(again.written()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.written());
    }

    @Test
    void filesAreTheSameWhetherRenderedOnOneThreadOrOnMany() throws IOException {
        Catalog catalog = CatalogLoader.load(EXAMPLE);
        DocsResult serial =
                Parallel.sequentially(() -> DocsGenerator.generate(DocsRequest.of(catalog, temp.resolve("one"))));
        DocsResult parallel = DocsGenerator.generate(DocsRequest.of(catalog, temp.resolve("many")));
        assertThat(contents(temp.resolve("many"))).isEqualTo(contents(temp.resolve("one")));
        assertThat(parallel.written())
                .isEqualTo(serial.written())
                .isGreaterThan(catalog.events().size());
        // The run's threads end with it: nothing is left behind in a build tool's JVM.
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("eventcat-worker-")))
                .allSatisfy(t -> {
                    t.join(5_000);
                    assertThat(t.isAlive()).as(t.getName()).isFalse();
                });
    }

    @Test
    void pagesOfGoneTopicsAndEventsAreDeleted() throws IOException {
        Path site = temp.resolve("site");
        DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(EXAMPLE), site));
        Files.writeString(site.resolve("topic-gone.html"), "old");
        Files.createDirectories(site.resolve("catalog/gone"));
        Files.writeString(site.resolve("catalog/gone/x.avsc"), "old");
        Files.writeString(site.resolve("notes.txt"), "not ours");
        DocsResult result = DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(EXAMPLE), site));
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(site.resolve("topic-gone.html")).doesNotExist();
        assertThat(site.resolve("catalog/gone")).doesNotExist();
        assertThat(site.resolve("notes.txt")).exists();
    }

    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
