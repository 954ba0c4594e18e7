package io.github.eventcat.catalog.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders subject checks for people (build log), for CI test reports (JUnit XML) and for GitHub
 * Actions (workflow annotation lines). Output is deterministic: subjects and findings keep the
 * order they are given in.
 */
public final class CompatibilityReports {
    private CompatibilityReports() {}

    /** One block per finding, headed by its subject and file; a line per compatible subject. */
    public static String text(List<SubjectCheck> checks) {
        StringBuilder out = new StringBuilder();
        lines(checks).forEach(line -> out.append(line.text()).append('\n'));
        return out.toString();
    }

    /**
     * {@link #text} line by line: the lines of a breaking finding's block are errors, a compatible
     * subject's line is information.
     */
    public static List<ReportLine> lines(List<SubjectCheck> checks) {
        List<ReportLine> lines = new ArrayList<>();
        for (SubjectCheck check : checks) {
            CompatibilityReport report = check.report();
            if (report.isCompatible()) {
                lines.add(new ReportLine(
                        ReportLine.Severity.INFO,
                        "OK    " + check.subject() + " (" + check.schemaFile()
                                + "): "
                                + (report.checkedAgainst().isEmpty()
                                        ? "nothing to check against at level " + report.level()
                                        : report.level() + " against version(s) "
                                                + String.join(", ", report.checkedAgainst()))));
                continue;
            }
            for (CompatibilityFinding finding : report.findings()) {
                for (String line : List.of(
                        "BREAK " + check.subject() + " (" + check.schemaFile() + ")",
                        "  at:      " + finding.path(),
                        "  change:  " + finding.change(),
                        "  breaks:  " + finding.whoBreaks(),
                        "  level:   " + report.level() + " (" + finding.direction() + " check against version "
                                + finding.checkedAgainst() + ", rule " + finding.rule() + ")",
                        "  fix:     " + finding.fix())) {
                    lines.add(new ReportLine(ReportLine.Severity.ERROR, line));
                }
            }
        }
        return lines;
    }

    /**
     * A JUnit XML report: one test suite, one test case per subject, one {@code <failure>} per
     * finding.
     *
     * @param suiteName e.g. {@code eventcat.compatibility}
     */
    public static String junitXml(String suiteName, List<SubjectCheck> checks) {
        long failures =
                checks.stream().filter(check -> !check.report().isCompatible()).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"")
                .append(xml(suiteName))
                .append("\" tests=\"")
                .append(checks.size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (SubjectCheck check : checks) {
            out.append("  <testcase classname=\"")
                    .append(xml(suiteName))
                    .append("\" name=\"")
                    .append(xml(check.subject()))
                    .append("\" file=\"")
                    .append(xml(check.schemaFile()))
                    .append('"');
            if (check.report().isCompatible()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (CompatibilityFinding finding : check.report().findings()) {
                out.append("    <failure type=\"")
                        .append(xml(finding.rule()))
                        .append("\" message=\"")
                        .append(xml(check.schemaFile() + " " + finding.path() + ": " + finding.change()))
                        .append("\">")
                        .append(xml(finding.message()))
                        .append("</failure>\n");
            }
            out.append("  </testcase>\n");
        }
        return out.append("</testsuite>\n").toString();
    }

    /** One {@code ::error} workflow command per finding, for GitHub Actions to annotate the file. */
    public static String githubAnnotations(List<SubjectCheck> checks) {
        StringBuilder out = new StringBuilder();
        for (SubjectCheck check : checks) {
            for (CompatibilityFinding finding : check.report().findings()) {
                out.append("::error file=")
                        .append(property(check.schemaFile()))
                        .append(",title=")
                        .append(property("Incompatible schema change in " + check.subject()))
                        .append("::")
                        .append(data(finding.message()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Escapes text for XML attributes and content (shared with the lint report). */
    public static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    // Escaping as GitHub's toolkit does for workflow commands (data, and property values); shared
    // with the lint report.
    public static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
