package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.compat.CompatibilityReports;
import io.github.eventcat.catalog.compat.ReportLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders lint findings like the compatibility gate renders its findings (and with its escaping):
 * lines for the build log, JUnit XML for CI test views, GitHub workflow annotations.
 */
final class Reports {
    static final String SUITE = "eventcat.lint";

    private Reports() {}

    static String shown(String directory, String file) {
        return directory.isEmpty() || directory.equals(".") ? file : directory.replaceAll("/+$", "") + "/" + file;
    }

    /** One line per finding, then a summary. */
    static List<ReportLine> lines(List<LintFinding> findings, int files, String directory) {
        List<ReportLine> lines = new ArrayList<>();
        findings.forEach(f -> lines.add(new ReportLine(f.severity().reportSeverity(), f.render(directory))));
        long errors = findings.stream()
                .filter(f -> f.severity() == LintSeverity.ERROR)
                .count();
        long warnings = findings.size() - errors;
        lines.add(new ReportLine(
                errors > 0 ? ReportLine.Severity.ERROR : ReportLine.Severity.INFO,
                "Lint: " + files + (files == 1 ? " file" : " files") + " checked, " + errors
                        + (errors == 1 ? " error, " : " errors, ") + warnings
                        + (warnings == 1 ? " warning" : " warnings")));
        return lines;
    }

    /**
     * One test case per file checked (catalog.yaml and every schema file), a {@code <failure>} per
     * error; warnings go to the test case's {@code <system-out>}, since JUnit XML has no warnings.
     */
    static String junitXml(List<LintFinding> findings, List<String> files, String directory) {
        Map<String, List<LintFinding>> byFile = new TreeMap<>();
        files.forEach(file -> byFile.put(file, new ArrayList<>()));
        findings.forEach(
                f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
        long failing = byFile.values().stream()
                .filter(list -> list.stream().anyMatch(f -> f.severity() == LintSeverity.ERROR))
                .count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"")
                .append(SUITE)
                .append("\" tests=\"")
                .append(byFile.size())
                .append("\" failures=\"")
                .append(failing)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        byFile.forEach((file, list) -> {
            String shown = xml(shown(directory, file));
            out.append("  <testcase classname=\"")
                    .append(SUITE)
                    .append("\" name=\"")
                    .append(shown)
                    .append("\" file=\"")
                    .append(shown)
                    .append('"');
            if (list.isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append(">\n");
            StringBuilder warnings = new StringBuilder();
            for (LintFinding f : list) {
                if (f.severity() == LintSeverity.ERROR) {
                    out.append("    <failure type=\"")
                            .append(f.rule())
                            .append("\" message=\"")
                            .append(xml(shown(directory, file) + ":" + f.location() + ": " + f.message()))
                            .append("\">")
                            .append(xml(f.render(directory)))
                            .append("</failure>\n");
                } else {
                    warnings.append(f.render(directory)).append('\n');
                }
            }
            if (warnings.length() > 0) {
                out.append("    <system-out>").append(xml(warnings.toString())).append("</system-out>\n");
            }
            out.append("  </testcase>\n");
        });
        return out.append("</testsuite>\n").toString();
    }

    /** {@code ::error} / {@code ::warning} workflow commands, on the file, line and column. */
    static String githubAnnotations(List<LintFinding> findings, String directory) {
        StringBuilder out = new StringBuilder();
        for (LintFinding f : findings) {
            out.append("::")
                    .append(f.severity().word())
                    .append(" file=")
                    .append(CompatibilityReports.property(shown(directory, f.file())));
            if (f.line() > 0) {
                out.append(",line=").append(f.line()).append(",col=").append(f.column());
            }
            out.append(",title=")
                    .append(CompatibilityReports.property("Lint " + f.rule()))
                    .append("::")
                    .append(CompatibilityReports.data(f.message() + " — " + f.fix()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String xml(String text) {
        return CompatibilityReports.xml(text);
    }
}
