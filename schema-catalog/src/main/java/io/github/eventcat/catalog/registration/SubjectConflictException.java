package io.github.eventcat.catalog.registration;

import java.util.List;

/** Two schema files of the catalog would be registered under one subject. */
public final class SubjectConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> conflicts;

    public SubjectConflictException(List<String> conflicts) {
        super("The catalog puts different schemas under one subject; rename a record (its Avro name or"
                + " JSON title) or change the topic's subject-naming:\n  " + String.join("\n  ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
