package io.github.eventcat.runtime.registry;

import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a catalog registers under one subject, exactly as {@code registry:sync} registers it: the
 * schema file's text, its type and the subjects it references (each registered first, under its
 * own subject). Versions are the registry's, so they are bound only when the form is used
 * ({@link #definition(Map)}).
 *
 * <p>Generated producers carry their topic's forms (constants written by codegen from the
 * catalog's registration form) and hand them to the serializers through
 * {@code eventcat.registrations}: auto-registration then registers the same text and references
 * as sync, and a lookup looks up exactly that.
 *
 * @param subject the subject it is registered under
 * @param type its schema language
 * @param schema its exact text
 * @param references the schemas it references directly, by name and subject
 */
public record SchemaRegistration(String subject, SchemaType type, String schema, List<SubjectReference> references) {
    /**
     * A reference before its version is known.
     *
     * @param name how the referencing schema names the other one (Avro full name, JSON {@code $ref})
     * @param subject the subject the referenced schema is registered under
     */
    public SchemaRegistration {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(schema, "schema == null");
        references = List.copyOf(references);
    }

    /**
     * The schema to register or look up, its references bound to their versions.
     *
     * @throws IllegalArgumentException when a referenced subject has no version in {@code versions}
     */
    public SchemaDefinition definition(Map<String, Integer> versions) {
        List<SchemaReference> bound = new ArrayList<>();
        for (SubjectReference reference : references) {
            Integer version = versions.get(reference.subject());
            if (version == null) {
                throw new IllegalArgumentException(
                        "no version known for " + reference.subject() + ", which " + subject + " references");
            }
            bound.add(reference.at(version));
        }
        return new SchemaDefinition(schema, type, bound);
    }
}
