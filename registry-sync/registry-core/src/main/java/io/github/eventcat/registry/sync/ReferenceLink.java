package io.github.eventcat.registry.sync;

import java.util.Objects;

/**
 * A reference as the registry receives it, before its version is known.
 *
 * @param name how the referencing schema names the other one (Avro full name, JSON {@code $ref})
 * @param subject the subject the referenced schema is registered under
 */
record ReferenceLink(String name, String subject) {
    public ReferenceLink {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(subject, "subject == null");
    }
}
