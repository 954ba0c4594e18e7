package io.github.eventcat.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Plain Kafka clients for checking what the runtime wrote. */
public final class TestClients {
    private TestClients() {}

    public static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "check-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        return config;
    }

    /** Reads until {@code count} records arrived (bounded by a minute, so a bug fails instead of hanging). */
    public static <V> List<ConsumerRecord<String, V>> readAll(
            Map<String, Object> config, String topic, Deserializer<V> values, int count) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long giveUpAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (records.size() < count && System.nanoTime() < giveUpAt) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more short poll: shows records beyond the expected count (duplicates) too.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    public static List<ConsumerRecord<String, byte[]>> readAllBytes(String bootstrapServers, String topic, int count) {
        return readAll(consumerConfig(bootstrapServers), topic, new ByteArrayDeserializer(), count);
    }
}
