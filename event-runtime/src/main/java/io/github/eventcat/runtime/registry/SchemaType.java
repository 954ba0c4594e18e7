package io.github.eventcat.runtime.registry;

/** The schema languages the Confluent REST API knows; {@code AVRO} when an answer names none. */
public enum SchemaType {
    AVRO,
    JSON,
    PROTOBUF;

    /** Reads the {@code schemaType} field of a registry answer, which Confluent omits for Avro. */
    static SchemaType fromRegistry(String value) {
        return value == null || value.isBlank() ? AVRO : valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
