package io.github.eventcat.runtime.kafka;

import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketOpened;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;

/**
 * A producer and a consumer as a service without Micrometer or OpenTelemetry runs them; executed in
 * a class loader that lacks those jars ({@link WithoutOptionalLibrariesRealServersTest}).
 */
public final class IsolatedRoundTrip {
    private IsolatedRoundTrip() {}

    /** Sends {@code count} events and handles them; answers what happened, as text. */
    public static String run(String bootstrapServers, String registryUrl, String topic, int count) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        config.put("auto.register.schemas", "true");
        config.put("value.subject.name.strategy", "topic_record");
        config.put(EventConsumer.LAG_INTERVAL_MS, "200");
        try (EventProducer<SpecificRecord> producer = EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0))
                .valueSerializer(new AvroSerializer<>(
                        SchemaRegistryClient.fromConfig(config), SerdeConfig.from(config, false), false))
                .build()) {
            for (int i = 0; i < count; i++) {
                producer.send(new TicketOpened("t-" + i, "c", i)).get();
            }
        }
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        EventConsumer<Object> consumer = EventConsumer.builder(config)
                .topics(topic)
                .groupId("isolated-" + UUID.randomUUID())
                .valueDeserializer(new AvroDeserializer<>(
                        SchemaRegistryClient.fromConfig(config),
                        Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId()))
                        .build())
                .build()
                .start();
        try {
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while ((handled.size() < count
                            || consumer.health().totalLag() != 0
                            || consumer.health().lag().isEmpty())
                    && System.nanoTime() < giveUpAt) {
                Thread.sleep(50);
            }
            ConsumerHealth health = consumer.health();
            return "handled=" + handled.size() + " status=" + health.status() + " lag=" + health.totalLag();
        } finally {
            consumer.close();
        }
    }

    /** What a service without Micrometer hears when its configuration names a registry anyway. */
    public static String missingLibrary(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put(Observability.METRICS_REGISTRY, "prometheus");
        try {
            EventProducer.<Object>builder(config)
                    .topic("any")
                    .valueSerializer((topic, data) -> new byte[0])
                    .build()
                    .close();
            return "no error";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
