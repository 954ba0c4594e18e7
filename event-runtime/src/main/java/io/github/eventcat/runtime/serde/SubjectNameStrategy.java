package io.github.eventcat.runtime.serde;

import java.util.Locale;

/**
 * Confluent's three subject naming strategies, as small functions (the runtime does not depend on
 * the catalog library). Config values: {@code topic}, {@code record}, {@code topic_record}, or
 * Confluent's class names ({@code io.confluent...TopicNameStrategy} etc.).
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-value} / {@code <topic>-key}: one schema per topic. */
    TOPIC,
    /** The record's full name: Avro {@code namespace.name}, JSON Schema {@code title}. */
    RECORD,
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD;

    public static final String KEY_CONFIG = "key.subject.name.strategy";
    public static final String VALUE_CONFIG = "value.subject.name.strategy";

    public String subject(String topic, boolean isKey, String recordFullName) {
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> recordFullName;
            case TOPIC_RECORD -> topic + "-" + recordFullName;
        };
    }

    /** Parses a config value; blank means {@link #TOPIC}, Confluent's default. */
    public static SubjectNameStrategy parse(String value) {
        if (value == null || value.isBlank()) {
            return TOPIC;
        }
        String simple = value.substring(value.lastIndexOf('.') + 1).trim();
        return switch (simple.toLowerCase(Locale.ROOT)) {
            case "topic", "topicnamestrategy" -> TOPIC;
            case "record", "recordnamestrategy" -> RECORD;
            case "topic_record", "topicrecord", "topicrecordnamestrategy" -> TOPIC_RECORD;
            default -> throw new IllegalArgumentException("unknown subject name strategy '" + value
                    + "': use topic, record or topic_record");
        };
    }
}
