package io.github.eventcat.vocabulary;

import java.util.Objects;

/**
 * A reference from one schema to another subject, as a schema is about to be registered: the
 * version it will refer to is the one the registry holds when the referencing schema is registered
 * ({@link #at(int)}).
 *
 * @param name how the referencing schema names the other one: the Avro full name of the type it
 *     uses, or the JSON Schema {@code $ref} as written
 * @param subject the subject the referenced schema is registered under
 */
public record SubjectReference(String name, String subject) {
    public SubjectReference {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subject, "subject == null");
    }

    /** This reference bound to a version of its subject, as the registry's API takes it. */
    public SchemaReference at(int version) {
        return new SchemaReference(name, subject, version);
    }
}
