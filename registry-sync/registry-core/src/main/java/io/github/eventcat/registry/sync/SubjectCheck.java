package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;

/**
 * The check of one subject.
 *
 * @param subject the subject and its schema
 * @param verdict compatible, new, not checked or incompatible
 * @param messages the registry's own messages when incompatible (they name the fields at fault), or notes
 */
record SubjectCheck(RegistrySubject subject, CheckVerdict verdict, List<String> messages) {
    public SubjectCheck {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(verdict, "verdict == null");
        messages = List.copyOf(messages);
    }

    public String describe() {
        String line = subject.name() + " (" + subject.schemaFile().path() + "): " + verdict;
        return messages.isEmpty() ? line : line + " — " + String.join("; ", messages);
    }
}
