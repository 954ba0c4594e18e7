package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.CatalogProblem;
import io.github.eventcat.catalog.LoadRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gate found.
 *
 * @param baselines the labels of the baselines, oldest first
 * @param checks one check per subject of the current catalog, sorted by subject, then one per
 *     subject removed since the latest baseline (breaking unless removals were allowed)
 * @param newSubjects subjects no baseline has: nothing to be compatible with
 * @param allowedRemovedSubjects subjects removed since the latest baseline that were let through
 *     because removals were allowed
 * @param waivedProblems the rules for generated code that a baseline breaks, waived because a
 *     baseline is only compared against ({@link LoadRules#SCHEMAS_AND_SUBJECTS})
 */
public record CompatibilityGateResult(
        List<String> baselines,
        List<SubjectCheck> checks,
        List<String> newSubjects,
        List<String> allowedRemovedSubjects,
        List<WaivedProblem> waivedProblems) {

    /** A problem of baseline {@code baseline}'s catalog that the gate waived. */
    public record WaivedProblem(String baseline, CatalogProblem problem) {
        /** The build log's warning. */
        public String text() {
            return "Baseline " + baseline + " breaks a rule this version of Eventcat sets for generated code;"
                    + " waived, since a baseline is only compared against: " + problem;
        }
    }

    /** The JUnit XML test suite name. */
    public static final String SUITE = "eventcat.compatibility";

    public CompatibilityGateResult {
        baselines = List.copyOf(baselines);
        checks = List.copyOf(checks);
        newSubjects = List.copyOf(newSubjects);
        allowedRemovedSubjects = List.copyOf(allowedRemovedSubjects);
        waivedProblems = List.copyOf(waivedProblems);
    }

    /** A result with no waived baseline problems. */
    public CompatibilityGateResult(
            List<String> baselines,
            List<SubjectCheck> checks,
            List<String> newSubjects,
            List<String> allowedRemovedSubjects) {
        this(baselines, checks, newSubjects, allowedRemovedSubjects, List.of());
    }

    public boolean isCompatible() {
        return breakingChecks().isEmpty();
    }

    /** The checks with at least one finding. */
    public List<SubjectCheck> breakingChecks() {
        return checks.stream().filter(check -> !check.report().isCompatible()).toList();
    }

    public int findingCount() {
        return checks.stream()
                .mapToInt(check -> check.report().findings().size())
                .sum();
    }

    /** One line, e.g. {@code 9 subjects checked against 1.0, 1.1: 8 compatible, 1 breaking (2 findings); 1 new}. */
    public String summary() {
        int breaking = breakingChecks().size();
        return checks.size() + (checks.size() == 1 ? " subject" : " subjects") + " checked against "
                + String.join(", ", baselines) + ": " + (checks.size() - breaking) + " compatible, " + breaking
                + " breaking (" + findingCount() + (findingCount() == 1 ? " finding" : " findings") + "); "
                + newSubjects.size() + " new" + (newSubjects.isEmpty() ? "" : " " + newSubjects)
                + (allowedRemovedSubjects.isEmpty() ? "" : "; removed (allowed): " + allowedRemovedSubjects);
    }

    /** Every check, readable, for the build log. */
    public String text() {
        return CompatibilityReports.text(checks);
    }

    /**
     * What the build log shows, each line with its severity: every check ({@link #text}: a breaking
     * finding's lines are errors), a warning per removed subject let through and per waived baseline
     * problem, and the {@link #summary} (an error when anything breaks).
     */
    public List<ReportLine> logLines() {
        List<ReportLine> lines = new ArrayList<>();
        for (WaivedProblem waived : waivedProblems) {
            lines.add(new ReportLine(ReportLine.Severity.WARNING, waived.text()));
        }
        lines.addAll(CompatibilityReports.lines(checks));
        String latest = baselines.isEmpty() ? "?" : baselines.get(baselines.size() - 1);
        for (String removed : allowedRemovedSubjects) {
            lines.add(new ReportLine(
                    ReportLine.Severity.WARNING,
                    "REMOVED " + removed + ": in version " + latest
                            + ", no longer in the catalog; allowed (allowRemovedSubjects), so make sure no service still"
                            + " produces or consumes it"));
        }
        lines.add(new ReportLine(
                isCompatible() ? ReportLine.Severity.INFO : ReportLine.Severity.ERROR, "Compatibility: " + summary()));
        return List.copyOf(lines);
    }

    public String junitXml() {
        return CompatibilityReports.junitXml(SUITE, checks);
    }

    public String githubAnnotations() {
        return CompatibilityReports.githubAnnotations(checks);
    }
}
