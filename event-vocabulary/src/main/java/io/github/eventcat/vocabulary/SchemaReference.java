package io.github.eventcat.vocabulary;

import java.util.Objects;

/**
 * A reference from one schema to another registered subject version, as in the Confluent REST API's
 * {@code references}.
 *
 * @param name how the referencing schema names the other one: the Avro full name of the type it
 *     uses, or the JSON Schema {@code $ref} URL
 * @param subject the subject the referenced schema is registered under
 * @param version its version in that subject
 */
public record SchemaReference(String name, String subject, int version) {
    public SchemaReference {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subject, "subject == null");
    }
}
