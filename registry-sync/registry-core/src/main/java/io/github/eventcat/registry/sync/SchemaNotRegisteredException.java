package io.github.eventcat.registry.sync;

import java.util.Objects;

/** A catalog schema that the registry does not hold under its subject (nothing was registered). */
public final class SchemaNotRegisteredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String schemaFile;
    private final String registry;

    SchemaNotRegisteredException(String subject, String schemaFile, String registry, boolean referenced) {
        super("The schema " + schemaFile + (referenced ? " (referenced)" : "") + " is not registered under subject '"
                + subject + "' at " + registry);
        this.subject = Objects.requireNonNull(subject, "subject == null");
        this.schemaFile = Objects.requireNonNull(schemaFile, "schemaFile == null");
        this.registry = Objects.requireNonNull(registry, "registry == null");
    }

    public String subject() {
        return subject;
    }

    /** The schema file's path inside the catalog. */
    public String schemaFile() {
        return schemaFile;
    }

    /** The registry's URLs (never credentials). */
    public String registry() {
        return registry;
    }
}
