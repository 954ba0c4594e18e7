package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The example's main job registers the catalog and creates its topics through the registry core
 * (what {@code mvn registry:sync -Dregistry.topics} does: the catalog files' own text, references
 * first), then runs the flow with the generated producers and consumers on that registry.
 */
@WithRealServers
class RepairShopDemoTest {
    private static final Path CATALOG = Path.of("src/main/catalog");

    @Test
    void registersAndCreatesTopicsThroughTheCoreThenEveryTicketCloses(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        registry.reset();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = RepairShopDemo.run(
                    new RepairShopDemo.Settings(
                            Optional.of(kafka.bootstrapServers()), Optional.of(registry.url()), CATALOG, 2),
                    out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(code).as(output).isZero();
        Catalog catalog = CatalogLoader.load(CATALOG);
        assertThat(output)
                .contains("Registered 12 schemas of " + catalog.subjects().size() + " subjects");
        for (Topic topic : catalog.topics()) {
            assertThat(kafka.topicNames()).contains(topic.name(), topic.name() + ".dlq");
        }
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url()));
        // the file's text, as registry:sync registers it (no longer Avro's Schema.toString())
        assertThat(client.version("order.placed-value", 1).definition().schema())
                .isEqualTo(catalog.schemaFile("schemas/orders/order_placed.avsc")
                        .orElseThrow()
                        .text());
        assertThat(client.version("tickets-com.example.repairshop.TicketOpened", 1)
                        .definition()
                        .schema())
                .isEqualTo(catalog.schemaFile("schemas/repairshop/ticket_opened.avsc")
                        .orElseThrow()
                        .text());
    }
}
