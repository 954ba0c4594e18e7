package io.github.eventcat.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Turns the user's one configuration map into each client's map; everything else passes through untouched. */
final class KafkaConfigs {
    /** Prefix of this runtime's own keys, which Kafka's clients do not know. */
    static final String OWN_PREFIX = "eventcat.";

    private KafkaConfigs() {}

    static Map<String, Object> copy(Map<?, ?> config) {
        Map<String, Object> copy = new HashMap<>();
        config.forEach((k, v) -> copy.put(k.toString(), v));
        return copy;
    }

    static Map<String, Object> copy(Properties properties) {
        Map<String, Object> copy = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> copy.put(name, properties.getProperty(name)));
        return copy;
    }

    /** Idempotent, acks=all unless the user chose otherwise; SASL/SSL settings as given. */
    static Map<String, Object> producer(Map<String, Object> config) {
        Map<String, Object> producer = withoutOwnKeys(config);
        producer.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        return producer;
    }

    /** Manual commits always: offsets move only after a record was handled or dead-lettered. */
    static Map<String, Object> consumer(Map<String, Object> config) {
        Map<String, Object> consumer = withoutOwnKeys(config);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return consumer;
    }

    /** The dead-letter producer: same cluster and security settings, never transactional. */
    static Map<String, Object> deadLetterProducer(Map<String, Object> config) {
        Map<String, Object> producer = producer(config);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        for (String consumerOnly : new String[] {
            ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
            ConsumerConfig.GROUP_PROTOCOL_CONFIG
        }) {
            producer.remove(consumerOnly);
        }
        return producer;
    }

    private static Map<String, Object> withoutOwnKeys(Map<String, Object> config) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.keySet().removeIf(key -> key.startsWith(OWN_PREFIX));
        return copy;
    }

    static String string(Map<String, Object> config, String key, String defaultValue) {
        Object value = config.get(key);
        return value == null || value.toString().isBlank()
                ? defaultValue
                : value.toString().trim();
    }

    static long number(Map<String, Object> config, String key, long defaultValue) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
        }
    }
}
