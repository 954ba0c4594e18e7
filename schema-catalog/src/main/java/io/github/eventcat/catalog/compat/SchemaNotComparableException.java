package io.github.eventcat.catalog.compat;

/**
 * Two schema versions could not be compared at all: a JSON Schema the rules cannot load (e.g. a
 * {@code $ref} whose document was not supplied). Not a compatibility finding: the input is wrong.
 */
public final class SchemaNotComparableException extends RuntimeException {
    private final String version;

    SchemaNotComparableException(String version, String reason, Throwable cause) {
        super("Cannot compare schema version " + version + ": " + reason, cause);
        this.version = version;
    }

    /** The label of the version that could not be loaded. */
    public String version() {
        return version;
    }
}
