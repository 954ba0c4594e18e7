package io.github.eventcat.catalog.compat;

/** Which side of a schema change breaks: the one a finding is about. */
public enum Direction {
    /** Readers using the new schema cannot read data written with an earlier version. */
    BACKWARD,
    /** Readers still using an earlier version cannot read data written with the new schema. */
    FORWARD;

    /** Who breaks, in words, for a finding checked against {@code version}. */
    public String whoBreaks(String version) {
        return switch (this) {
            case BACKWARD -> "consumers using the new schema cannot read records written with version " + version;
            case FORWARD ->
                "consumers still on version " + version + " cannot read records written with the new schema";
        };
    }
}
