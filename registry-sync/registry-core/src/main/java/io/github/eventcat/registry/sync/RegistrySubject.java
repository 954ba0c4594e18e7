package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;

import io.github.eventcat.catalog.CompatibilityLevel;
import io.github.eventcat.catalog.SchemaFile;

/**
 * A subject the catalog puts in the registry: an event's subject or the subject of a referenced
 * schema.
 *
 * @param name the subject name
 * @param role event or reference
 * @param schemaFile the schema registered under it
 * @param references the subjects its schema references directly, registered before it
 * @param compatibility the level the subject must have
 * @param depth 0 without references, else one more than its deepest reference: subjects of one
 *     depth are independent of each other and can be written in parallel
 */
record RegistrySubject(
        String name,
        SubjectRole role,
        SchemaFile schemaFile,
        List<ReferenceLink> references,
        CompatibilityLevel compatibility,
        int depth) {
    public RegistrySubject {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(schemaFile, "schemaFile == null");
        references = List.copyOf(references);
        Objects.requireNonNull(compatibility, "compatibility == null");
    }
}
