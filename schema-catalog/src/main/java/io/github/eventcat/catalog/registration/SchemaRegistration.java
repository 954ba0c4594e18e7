package io.github.eventcat.catalog.registration;

import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog puts under one registry subject: an event's subject or the subject of a
 * referenced schema.
 *
 * @param subject the subject name
 * @param role event or reference
 * @param path the catalog file registered under it, for messages
 * @param format its schema type ({@link SchemaFormat#registryType()} in the REST API)
 * @param text the file's exact text (without a byte order mark): what is registered
 * @param references the subjects its schema references directly, registered before it
 * @param compatibility the level the subject must have
 * @param depth 0 without references, else one more than its deepest reference: subjects of one
 *     depth are independent of each other and can be written in parallel
 */
public record SchemaRegistration(
        String subject,
        SubjectRole role,
        String path,
        SchemaFormat format,
        String text,
        List<SubjectReference> references,
        CompatibilityLevel compatibility,
        int depth) {
    public SchemaRegistration {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(text, "text == null");
        references = List.copyOf(references);
        Objects.requireNonNull(compatibility, "compatibility == null");
    }
}
