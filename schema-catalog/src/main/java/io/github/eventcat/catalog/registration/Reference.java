package io.github.eventcat.catalog.registration;

import java.util.Objects;

/**
 * A reference as the registry receives it, before its version is known.
 *
 * @param name how the referencing schema names the other one (Avro full name, JSON {@code $ref})
 * @param subject the subject the referenced schema is registered under
 */
public record Reference(String name, String subject) {
    public Reference {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subject, "subject == null");
    }
}
