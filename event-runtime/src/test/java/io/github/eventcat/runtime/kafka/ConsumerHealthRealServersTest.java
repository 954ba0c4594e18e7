package io.github.eventcat.runtime.kafka;

import static io.github.eventcat.runtime.kafka.ConsumerMetricsRealServersTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §4 on the real servers: NEW → RUNNING (with its partitions and their lag) → STOPPED (the
 * backlog it left), and FAILED with the cause. PAUSED is covered with the infrastructure failures
 * ({@link InfrastructureFailureRealServersTest}, lag included) and by {@link ConsumerMetricsRealServersTest}.
 */
@WithRealServers
class ConsumerHealthRealServersTest {
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    ConsumerHealthRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void newRunningWithPartitionsAndLagThenStoppedWithTheBacklogLeft() throws Exception {
        String topic = "health-states";
        kafka.createTopic(topic, 2);
        send(topic, "a", "b", "c", "d");
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        EventConsumer<Object> consumer = consumer(topic, (e, c) -> handled.add(e.getTicketId()));
        assertThat(consumer.health().status()).isEqualTo(ConsumerHealth.Status.NEW);
        assertThat(consumer.health().assignedPartitions()).isEmpty();
        consumer.start();
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try {
            assertThat(within(() -> handled.size() == 4)).isTrue();
            assertThat(within(() -> consumer.health().lag().equals(Map.of(p0, 0L, p1, 0L))))
                    .as("lag 0 on both partitions")
                    .isTrue();
            ConsumerHealth running = consumer.health();
            assertThat(running.status()).isEqualTo(ConsumerHealth.Status.RUNNING);
            assertThat(running.assignedPartitions()).containsExactlyInAnyOrder(p0, p1);
            assertThat(running.isReady()).isTrue();
            assertThat(running.isLive()).isTrue();
            assertThat(running.reason()).isEmpty();
        } finally {
            consumer.close();
        }
        send(topic, "e", "f", "g"); // arrive after the stop: the group's backlog, not the stopped consumer's
        ConsumerHealth stopped = consumer.health();
        assertThat(stopped.status()).isEqualTo(ConsumerHealth.Status.STOPPED);
        assertThat(stopped.isReady()).isFalse();
        assertThat(stopped.isLive()).isTrue();
        assertThat(stopped.assignedPartitions()).as("what it owned last").containsExactlyInAnyOrder(p0, p1);
        assertThat(stopped.totalLag()).as("nothing left behind at the stop").isZero();
    }

    @Test
    void aHandlerErrorFailsTheConsumerWithTheCause() throws Exception {
        String topic = "health-failed";
        kafka.createTopic(topic, 1);
        send(topic, "ok", "fatal", "after");
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        EventConsumer<Object> consumer = consumer(topic, (e, c) -> {
                    if (e.getTicketId().equals("fatal")) {
                        throw new LinkageError("handler's class went missing");
                    }
                    handled.add(e.getTicketId());
                })
                .start();
        try {
            assertThat(within(() -> consumer.health().status() == ConsumerHealth.Status.FAILED))
                    .as("failed")
                    .isTrue();
            ConsumerHealth failed = consumer.health();
            assertThat(failed.reason()).isEqualTo("handler's class went missing");
            assertThat(failed.isLive()).isFalse();
            assertThat(failed.isReady()).isFalse();
            assertThat(failed.assignedPartitions()).containsExactly(new TopicPartition(topic, 0));
            // Measured once more on the way out, after the last commit: the failed record and the one after it.
            assertThat(within(() -> consumer.health().totalLag() == 2))
                    .as("lag 2 left behind")
                    .isTrue();
            assertThat(consumer.failure()).containsInstanceOf(LinkageError.class);
            assertThat(handled).containsExactly("ok");
        } finally {
            consumer.close();
        }
        assertThat(consumer.health().status()).as("close() keeps the failure").isEqualTo(ConsumerHealth.Status.FAILED);
    }

    private void send(String topic, String... ids) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", "true");
        config.put("value.subject.name.strategy", "topic_record");
        try (EventProducer<SpecificRecord> producer = EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0))
                .valueSerializer(new AvroSerializer<>(
                        SchemaRegistryClient.fromConfig(config), SerdeConfig.from(config, false), false))
                .build()) {
            for (String id : ids) {
                producer.send(new TicketOpened(id, "c", 1)).get();
            }
        }
    }

    private EventConsumer<Object> consumer(String topic, EventHandler<TicketOpened> handler) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put(EventConsumer.LAG_INTERVAL_MS, "200");
        return EventConsumer.builder(config)
                .topics(topic)
                .groupId("health-" + UUID.randomUUID())
                .valueDeserializer(new AvroDeserializer<>(
                        SchemaRegistryClient.fromConfig(config),
                        Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, handler)
                        .build())
                .build();
    }
}
