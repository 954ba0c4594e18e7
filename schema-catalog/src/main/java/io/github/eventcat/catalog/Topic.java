package io.github.eventcat.catalog;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A Kafka topic of the catalog.
 *
 * @param name the topic name
 * @param keyField the top-level field every event carries, used as the record key
 * @param partitions the partition count to create the topic with; empty: the broker's default
 * @param retention how long records are kept; empty: the broker's default; {@link
 *     #INFINITE_RETENTION} for "keep forever"
 * @param naming how subject names are derived
 * @param compatibility the level set on every subject of the topic
 * @param description free text from the manifest
 * @param valueSchemaFiles the schema files listed for the topic, in manifest order
 * @param events the event types, in manifest order (union members in union order)
 * @param subjects the subjects registered for the topic, sorted by name
 * @param location where the topic's key stands in {@code catalog.yaml} ({@code line:column}), for
 *     messages that point at it
 */
public record Topic(
        String name,
        String keyField,
        OptionalInt partitions,
        Optional<Duration> retention,
        SubjectNamingStrategy naming,
        CompatibilityLevel compatibility,
        Optional<String> description,
        List<SchemaFile> valueSchemaFiles,
        List<Event> events,
        List<Subject> subjects,
        String location) {

    /** The retention written {@code infinite} in a manifest: Kafka's {@code retention.ms=-1}. */
    public static final Duration INFINITE_RETENTION = ChronoUnit.FOREVER.getDuration();

    public Topic {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(keyField, "keyField == null");
        Objects.requireNonNull(partitions, "partitions == null");
        Objects.requireNonNull(retention, "retention == null");
        Objects.requireNonNull(naming, "naming == null");
        Objects.requireNonNull(compatibility, "compatibility == null");
        Objects.requireNonNull(description, "description == null");
        valueSchemaFiles = List.copyOf(valueSchemaFiles);
        events = List.copyOf(events);
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(location, "location == null");
    }

    /** The value of the topic config {@code retention.ms}: -1 for infinite, empty when not set. */
    public OptionalLong retentionMs() {
        return retention
                .map(r -> r.equals(INFINITE_RETENTION) ? OptionalLong.of(-1) : OptionalLong.of(r.toMillis()))
                .orElse(OptionalLong.empty());
    }

    /**
     * What the names of the topic's generated classes start with: {@code order.placed} → {@code
     * OrderPlaced} ({@code OrderPlacedProducer}, {@code OrderPlacedHandler}, {@code
     * OrderPlacedConsumer}). Code generation and the docs site both name the classes by it.
     */
    public String javaClassPrefix() {
        return Names.javaClassPrefix(name);
    }

    /** The event whose generated Java type has this fully qualified name. */
    public Optional<Event> event(String javaTypeName) {
        return events.stream()
                .filter(e -> e.javaTypeName().equals(javaTypeName))
                .findFirst();
    }
}
