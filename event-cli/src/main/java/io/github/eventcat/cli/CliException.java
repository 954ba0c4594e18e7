package io.github.eventcat.cli;

import java.util.Objects;

/** A command stopped; the message is what the user reads on stderr, the code what the shell sees. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode == null");
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.INVALID_INPUT, message + "\nRun with --help for usage.");
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
