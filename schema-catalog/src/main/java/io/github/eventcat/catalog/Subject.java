package io.github.eventcat.catalog;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.Objects;

/**
 * A Schema Registry subject the catalog registers.
 *
 * @param name the subject name given by the topic's naming strategy
 * @param topic the topic whose records use it
 * @param key whether it describes record keys (otherwise values)
 * @param schemaFile the schema registered under it
 * @param compatibility the level to set on the subject
 */
public record Subject(String name, String topic, boolean key, SchemaFile schemaFile, CompatibilityLevel compatibility) {
    public Subject {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(topic, "topic == null");
        Objects.requireNonNull(schemaFile, "schemaFile == null");
        Objects.requireNonNull(compatibility, "compatibility == null");
    }
}
