package io.github.eventcat.catalog.lint;

import java.util.Comparator;
import java.util.Objects;

/**
 * One lint finding.
 *
 * @param rule the rule that found it
 * @param severity its severity under the catalog's configuration
 * @param file the catalog-relative path of the file, with {@code /} separators
 * @param location {@code line:column} in the file
 * @param pointer the JSON pointer of the place in the file (in-schema ignores match it)
 * @param message what is wrong and where
 * @param fix what to do
 */
public record LintFinding(
        LintRule rule,
        LintSeverity severity,
        String file,
        String location,
        String pointer,
        String message,
        String fix) {

    /** By file, then position, then rule. */
    static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::file)
            .thenComparingInt(LintFinding::line)
            .thenComparingInt(LintFinding::column)
            .thenComparing(LintFinding::rule)
            .thenComparing(LintFinding::message);

    public LintFinding {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(pointer, "pointer == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(fix, "fix == null");
    }

    /** The line, or 0 when the location is not {@code line:column}. */
    public int line() {
        return part(0);
    }

    /** The column, or 0 when the location is not {@code line:column}. */
    public int column() {
        return part(1);
    }

    private int part(int index) {
        String[] parts = location.split(":");
        try {
            return parts.length == 2 ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * {@code file:line:col: severity: [RULE] message — fix}, the form compilers use, with the file
     * shown under a directory ({@code src/main/catalog}) or as is when the directory is empty.
     */
    public String render(String shownDirectory) {
        return Reports.shown(shownDirectory, file) + ":" + location + ": " + severity.word() + ": [" + rule + "] "
                + message + " — " + fix;
    }

    @Override
    public String toString() {
        return render("");
    }
}
