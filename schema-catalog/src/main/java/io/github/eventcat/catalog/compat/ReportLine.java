package io.github.eventcat.catalog.compat;

import java.util.Objects;

/**
 * One line of the gate's report for the build log, with how loud it is: a breaking finding is an
 * error, a change let through (a subject removed while removals are allowed) a warning, the rest
 * information. The build tool maps the severity to its own log levels.
 */
public record ReportLine(Severity severity, String text) {
    /** How loud a report line is. */
    public enum Severity {
        INFO,
        WARNING,
        ERROR
    }

    public ReportLine {
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(text, "text == null");
    }
}
