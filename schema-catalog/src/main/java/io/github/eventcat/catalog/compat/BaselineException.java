package io.github.eventcat.catalog.compat;

/**
 * A baseline catalog could not be obtained: git is missing, the revision is unknown, the jar
 * cannot be read, or the baseline catalog does not load. Not a compatibility finding: the gate
 * did not get as far as comparing.
 */
public final class BaselineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String baseline;

    BaselineException(String baseline, String message, Throwable cause) {
        super(message, cause);
        this.baseline = baseline;
    }

    /** The label of the baseline that failed, e.g. {@code 1.0.0} or a git revision. */
    public String baseline() {
        return baseline;
    }
}
