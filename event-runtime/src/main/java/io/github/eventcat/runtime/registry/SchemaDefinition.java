package io.github.eventcat.runtime.registry;

import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.util.List;
import java.util.Objects;

/** The text of a schema, its language and the subjects it references: what is registered under a subject. */
public record SchemaDefinition(String schema, SchemaType type, List<SchemaReference> references) {
    public SchemaDefinition {
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(type, "type == null");
        references = List.copyOf(references);
    }

    public static SchemaDefinition avro(String schema) {
        return new SchemaDefinition(schema, SchemaType.AVRO, List.of());
    }

    public static SchemaDefinition json(String schema) {
        return new SchemaDefinition(schema, SchemaType.JSON, List.of());
    }

    public SchemaDefinition withReferences(List<SchemaReference> newReferences) {
        return new SchemaDefinition(schema, type, newReferences);
    }
}
