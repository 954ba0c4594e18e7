package io.github.eventcat.cli;

/** The CLI's exit codes; scripts tell "fix your input" from "fix your infrastructure" by them. */
public enum ExitCode {
    /** Everything was done. */
    OK(0),
    /** Bad usage, an unknown topic or event, JSON that does not parse or does not match its schema. */
    INVALID_INPUT(1),
    /** The broker or the registry could not be reached, refused a request, or lacks a schema or topic. */
    UNAVAILABLE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
