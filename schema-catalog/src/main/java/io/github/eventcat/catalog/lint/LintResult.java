package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.compat.ReportLine;
import java.util.List;

/**
 * The findings of a lint run, in file and position order, and their renderings.
 *
 * @param findings every finding that is not ignored
 * @param files the catalog-relative files checked (catalog.yaml and every schema file)
 * @param shownCatalogDirectory the directory reports put in front of file names ("" for none)
 */
public record LintResult(List<LintFinding> findings, List<String> files, String shownCatalogDirectory) {
    public LintResult {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
        java.util.Objects.requireNonNull(shownCatalogDirectory, "shownCatalogDirectory == null");
    }

    public List<LintFinding> errors() {
        return findings.stream().filter(f -> f.severity() == LintSeverity.ERROR).toList();
    }

    public List<LintFinding> warnings() {
        return findings.stream()
                .filter(f -> f.severity() == LintSeverity.WARNING)
                .toList();
    }

    /** Whether the build should fail: only errors fail it. */
    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** A line per finding (at its severity) and a summary line, for the build log. */
    public List<ReportLine> logLines() {
        return Reports.lines(findings, files.size(), shownCatalogDirectory);
    }

    /** {@link #logLines} as text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        logLines().forEach(line -> out.append(line.text()).append('\n'));
        return out.toString();
    }

    public String junitXml() {
        return Reports.junitXml(findings, files, shownCatalogDirectory);
    }

    public String githubAnnotations() {
        return Reports.githubAnnotations(findings, shownCatalogDirectory);
    }
}
