package io.github.eventcat.vocabulary;

/**
 * The compatibility levels of the Confluent Schema Registry, with the same names and meaning, per
 * subject or global.
 *
 * <p>BACKWARD: readers using the new schema can read data written with the old one. FORWARD: readers
 * using the old schema can read data written with the new one. FULL: both. The {@code _TRANSITIVE}
 * forms check against every earlier version, the others against the latest only.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** New readers must read old data. */
    public boolean checksBackward() {
        return backward;
    }

    /** Old readers must read new data. */
    public boolean checksForward() {
        return forward;
    }

    /** Checked against every earlier version, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /**
     * Parses a level as written in a catalog or a registry answer, ignoring case and accepting
     * {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static CompatibilityLevel parse(String text) {
        return EnumNames.parse(CompatibilityLevel.class, text, "compatibility level");
    }

    /** The accepted names, for error messages. */
    public static String acceptedValues() {
        return EnumNames.accepted(CompatibilityLevel.class);
    }
}
