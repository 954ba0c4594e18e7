package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.registration.SchemaRegistration;
import java.util.List;
import java.util.Objects;

/**
 * One subject's verdict from the live registry (registry:check). Not schema-catalog's {@code
 * compat.SubjectCheck}, which compares a subject with a baseline catalog, without a registry.
 *
 * @param subject the subject and its schema
 * @param verdict compatible, new, not checked or incompatible
 * @param messages the registry's own messages when incompatible (they name the fields at fault), or notes
 */
record SubjectVerdict(SchemaRegistration subject, CheckVerdict verdict, List<String> messages) {
    public SubjectVerdict {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(verdict, "verdict == null");
        messages = List.copyOf(messages);
    }

    public String describe() {
        String line = subject.subject() + " (" + subject.path() + "): " + verdict;
        return messages.isEmpty() ? line : line + " — " + String.join("; ", messages);
    }
}
