package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.compat.ReportLine;

/** How bad a lint finding is: errors fail the build, warnings are reported only. */
public enum LintSeverity {
    ERROR,
    WARNING;

    /** The word used in catalog.yaml and in reports: {@code error} or {@code warning}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    ReportLine.Severity reportSeverity() {
        return this == ERROR ? ReportLine.Severity.ERROR : ReportLine.Severity.WARNING;
    }
}
