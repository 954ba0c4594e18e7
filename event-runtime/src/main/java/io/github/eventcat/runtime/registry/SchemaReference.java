package io.github.eventcat.runtime.registry;

import java.util.Objects;

/**
 * A reference from one schema to another registered subject version, as in Confluent's API:
 * {@code name} is how the referencing schema names it (Avro full name, JSON Schema {@code $ref} URL).
 */
public record SchemaReference(String name, String subject, int version) {
    public SchemaReference {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subject, "subject == null");
    }
}
