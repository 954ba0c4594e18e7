package io.github.eventcat.vocabulary;

import java.util.Locale;
import java.util.Objects;

/**
 * How a schema's subject name is derived, with exactly the results of the Confluent serializers'
 * {@code TopicNameStrategy}, {@code RecordNameStrategy} and {@code TopicRecordNameStrategy}, so that
 * any Confluent client reads and writes the subjects this catalog registers.
 */
public enum SubjectNamingStrategy {
    /** {@code <topic>-key} or {@code <topic>-value}: one schema per topic (a union for several events). */
    TOPIC,
    /** The record's full name: one subject per event type, shared by every topic that carries it. */
    RECORD,
    /** {@code <topic>-<record full name>}: one subject per event type and topic. */
    TOPIC_RECORD;

    /** The serdes' config key of the record key's strategy (Confluent's name), read by {@link #fromConfig}. */
    public static final String KEY_CONFIG = "key.subject.name.strategy";
    /** The serdes' config key of the record value's strategy (Confluent's name), read by {@link #fromConfig}. */
    public static final String VALUE_CONFIG = "value.subject.name.strategy";

    /**
     * The subject name for a schema.
     *
     * @param topic the Kafka topic
     * @param recordFullName Avro {@code namespace.name} or the JSON Schema top-level {@code title};
     *     ignored by {@link #TOPIC}
     * @param isKey whether the schema describes the record key rather than the value
     */
    public String subjectName(String topic, String recordFullName, boolean isKey) {
        Objects.requireNonNull(topic, "topic == null");
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> Objects.requireNonNull(recordFullName, "recordFullName == null");
            case TOPIC_RECORD -> topic + "-" + Objects.requireNonNull(recordFullName, "recordFullName == null");
        };
    }

    /**
     * Parses a strategy as written in a catalog manifest: {@code TOPIC}, {@code RECORD} or {@code
     * TOPIC_RECORD}, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SubjectNamingStrategy parse(String text) {
        return EnumNames.parse(SubjectNamingStrategy.class, text, "subject naming strategy");
    }

    /**
     * Parses a serde config value ({@link #KEY_CONFIG}, {@link #VALUE_CONFIG}): {@code topic},
     * {@code record}, {@code topic_record} in any case, or Confluent's class names
     * ({@code io.confluent...TopicNameStrategy} etc.); blank means {@link #TOPIC}, Confluent's default.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SubjectNamingStrategy fromConfig(String value) {
        if (value == null || value.isBlank()) {
            return TOPIC;
        }
        String simple = value.substring(value.lastIndexOf('.') + 1).trim();
        return switch (simple.toLowerCase(Locale.ROOT)) {
            case "topic", "topicnamestrategy" -> TOPIC;
            case "record", "recordnamestrategy" -> RECORD;
            case "topic_record", "topicrecord", "topicrecordnamestrategy" -> TOPIC_RECORD;
            default ->
                throw new IllegalArgumentException(
                        "unknown subject name strategy '" + value + "': use topic, record or topic_record");
        };
    }

    /** The accepted names of {@link #parse}, for error messages. */
    public static String acceptedValues() {
        return EnumNames.accepted(SubjectNamingStrategy.class);
    }
}
