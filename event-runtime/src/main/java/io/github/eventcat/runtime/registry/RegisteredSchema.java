package io.github.eventcat.runtime.registry;

import java.util.Objects;

/** A schema as registered: under which subject, as which version, with which global id. */
public record RegisteredSchema(String subject, int version, int id, SchemaDefinition definition) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(definition, "definition == null");
    }
}
