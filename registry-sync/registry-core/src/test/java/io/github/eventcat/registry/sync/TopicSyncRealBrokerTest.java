package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** registry.topics=true: the catalog's topics on a real broker, in the same plan as the subjects. */
@WithRealServers
class TopicSyncRealBrokerTest {
    @Test
    void createsTopicsThenAddsPartitionsAndReportsDrift(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        Catalog catalog = CatalogLoader.load(ExampleCatalog.source());
        catalog.topics().forEach(t -> {
            if (kafka.topicNames().contains(t.name())) {
                kafka.deleteTopic(t.name());
            }
        });
        kafka.createTopic("order.placed", 2); // catalog: 6 -> partitions are added
        kafka.createTopic("user.created", 4); // catalog: 1 -> drift, never decreased

        SyncResult result = new RegistrySync(line -> {})
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        ExampleCatalog.source(),
                        1,
                        false,
                        false,
                        Optional.of(Map.of("bootstrap.servers", kafka.bootstrapServers()))));

        assertThat(result.plan().topics())
                .extracting(TopicPlan::topic, TopicPlan::action)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("tickets", TopicActionType.CREATE_TOPIC),
                        org.assertj.core.groups.Tuple.tuple("order.placed", TopicActionType.INCREASE_PARTITIONS),
                        org.assertj.core.groups.Tuple.tuple("user.created", TopicActionType.DRIFT));
        try (Admin admin = kafka.admin()) {
            var described = admin.describeTopics(List.of("tickets", "order.placed", "user.created"))
                    .allTopicNames()
                    .get();
            assertThat(described.get("tickets").partitions()).hasSize(3);
            assertThat(described.get("order.placed").partitions()).hasSize(6);
            assertThat(described.get("user.created").partitions()).hasSize(4);
        }
        SyncResult again = new RegistrySync(line -> {})
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        ExampleCatalog.source(),
                        4,
                        false,
                        false,
                        Optional.of(Map.of("bootstrap.servers", kafka.bootstrapServers()))));
        assertThat(again.plan().isUpToDate()).isTrue();
        // Both were created outside the catalog: user.created has more partitions, order.placed the broker's retention.
        assertThat(again.plan().topics())
                .filteredOn(t -> t.action() == TopicActionType.DRIFT)
                .extracting(TopicPlan::topic)
                .containsExactly("order.placed", "user.created");
        assertThat(again.plan().topics())
                .filteredOn(t -> t.topic().equals("order.placed"))
                .singleElement()
                .satisfies(
                        t -> assertThat(t.drift()).singleElement().asString().contains("retention.ms", "1209600000"));
    }
}
