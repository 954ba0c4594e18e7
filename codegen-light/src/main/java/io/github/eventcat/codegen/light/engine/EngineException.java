package io.github.eventcat.codegen.light.engine;

import java.util.Objects;

/**
 * Why a goal's work stopped, with the message the build shows as it is. A build failure is a problem
 * with the user's input (a catalog that does not load, a broken compatibility, lint errors: Maven's
 * {@code MojoFailureException}); anything else is an error of the machinery ({@code
 * MojoExecutionException}).
 */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean buildFailure;

    private EngineException(String message, Throwable cause, boolean buildFailure) {
        super(Objects.requireNonNull(message, "message == null"), cause);
        this.buildFailure = buildFailure;
    }

    /** A problem with the user's input: fails the build. */
    public static EngineException failure(String message) {
        return new EngineException(message, null, true);
    }

    /** A failure of the machinery (or a bug), with its cause when there is one. */
    public static EngineException error(String message, Throwable cause) {
        return new EngineException(message, cause, false);
    }

    /** Whether this is a problem with the user's input rather than an error. */
    public boolean buildFailure() {
        return buildFailure;
    }
}
