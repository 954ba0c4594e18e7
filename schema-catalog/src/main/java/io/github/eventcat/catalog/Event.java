package io.github.eventcat.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event type carried by a topic.
 *
 * @param name snake_case name of the record, e.g. {@code ticket_opened}
 * @param recordFullName Avro {@code namespace.name}, or the JSON Schema {@code title}: what
 *     RECORD and TOPIC_RECORD naming put in the subject name
 * @param javaTypeName the fully qualified name of the generated Java type, unique in the catalog
 * @param format the schema language
 * @param schemaFile the file that defines the record
 * @param eventIdField the field holding a unique id of each event, when the manifest names one
 * @param examples example payloads listed in the manifest, each valid against the event's value
 *     schema, in manifest order
 */
public record Event(
        String name,
        String recordFullName,
        String javaTypeName,
        SchemaFormat format,
        SchemaFile schemaFile,
        Optional<String> eventIdField,
        List<Example> examples) {
    public Event {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(recordFullName, "recordFullName == null");
        Objects.requireNonNull(javaTypeName, "javaTypeName == null");
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(schemaFile, "schemaFile == null");
        Objects.requireNonNull(eventIdField, "eventIdField == null");
        examples = List.copyOf(examples);
    }

    /** An event without examples. */
    public Event(
            String name,
            String recordFullName,
            String javaTypeName,
            SchemaFormat format,
            SchemaFile schemaFile,
            Optional<String> eventIdField) {
        this(name, recordFullName, javaTypeName, format, schemaFile, eventIdField, List.of());
    }

    /** This event with other examples. */
    public Event withExamples(List<Example> examples) {
        return new Event(name, recordFullName, javaTypeName, format, schemaFile, eventIdField, examples);
    }

    /** The simple name of the Java type. */
    public String javaSimpleName() {
        return javaTypeName.substring(javaTypeName.lastIndexOf('.') + 1);
    }
}
