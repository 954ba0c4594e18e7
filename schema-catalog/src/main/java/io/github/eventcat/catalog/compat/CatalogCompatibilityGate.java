package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CI gate: checks every subject of the current catalog against the same subject in baseline
 * catalogs (released versions, a directory, a git revision), without any registry.
 *
 * <p>Subjects are matched by name, so the topic's naming strategy decides what counts as "the same
 * subject" exactly as it does in the registry. The level of each subject is the one the
 * <em>current</em> catalog gives it: tightening a level applies at once, as it would when
 * registry:sync sets it. A subject no baseline has is new; a subject of the latest baseline that
 * the current catalog lacks is a breaking removal unless removals are allowed.
 */
public final class CatalogCompatibilityGate {
    /** How findings name the current catalog's version. */
    public static final String CURRENT = "current";

    private CatalogCompatibilityGate() {}

    /**
     * Loads the current catalog and the baselines, checks, and writes the JUnit report and the
     * change report if asked.
     *
     * @throws io.github.eventcat.catalog.CatalogException when the current catalog does not load
     * @throws BaselineException when a baseline cannot be obtained or does not load
     * @throws SchemaNotComparableException when a JSON Schema cannot be loaded for comparison
     * @throws UncheckedIOException when the JUnit report cannot be written
     */
    public static CompatibilityGateResult run(CompatibilityGateRequest request) {
        Catalog current = CatalogLoader.load(request.catalogDirectory());
        List<Baselines.Loaded> baselines =
                request.baselinesOldestFirst().stream().map(Baselines::load).toList();
        CompatibilityGateResult result =
                compare(current, baselines, request.shownCatalogDirectory(), request.allowRemovedSubjects());
        request.junitReport().ifPresent(file -> ReportFiles.write(file, result.junitXml(), "the JUnit report"));
        Baselines.Loaded latest = baselines.get(baselines.size() - 1);
        request.changesReport()
                .ifPresent(file -> ReportFiles.write(
                        file,
                        ChangeReport.markdown(
                                latest.catalog(), latest.label(), current, result, request.shownCatalogDirectory()),
                        "the change report"));
        return result;
    }

    static CompatibilityGateResult compare(
            Catalog current,
            List<Baselines.Loaded> baselinesOldestFirst,
            String shownCatalogDirectory,
            boolean allowRemovedSubjects) {
        List<SubjectCheck> checks = new ArrayList<>();
        List<String> newSubjects = new ArrayList<>();
        for (Subject subject : current.subjects()) {
            List<CandidateSchema> history = new ArrayList<>();
            List<ExampleChecks.Earlier> examplesHistory = new ArrayList<>();
            for (Baselines.Loaded baseline : baselinesOldestFirst) {
                baselineSubject(baseline.catalog(), subject.name()).ifPresent(old -> {
                    history.add(CandidateSchema.of(baseline.catalog(), old.schemaFile(), baseline.label()));
                    examplesHistory.add(new ExampleChecks.Earlier(baseline.label(), baseline.catalog(), old));
                });
            }
            if (history.isEmpty()) {
                newSubjects.add(subject.name());
            }
            CompatibilityReport report = CompatibilityChecker.check(
                    subject.compatibility(), CandidateSchema.of(current, subject.schemaFile(), CURRENT), history);
            List<CompatibilityFinding> examples = ExampleChecks.findings(current, subject, examplesHistory);
            if (!examples.isEmpty()) {
                List<CompatibilityFinding> findings = new ArrayList<>(report.findings());
                findings.addAll(examples);
                report = new CompatibilityReport(report.level(), report.version(), report.checkedAgainst(), findings);
            }
            checks.add(new SubjectCheck(subject.name(), shown(shownCatalogDirectory, subject.schemaFile()), report));
        }

        List<String> allowedRemovals = new ArrayList<>();
        Baselines.Loaded latest = baselinesOldestFirst.get(baselinesOldestFirst.size() - 1);
        for (Subject removed : latest.catalog().subjects()) {
            if (baselineSubject(current, removed.name()).isPresent()) {
                continue;
            }
            if (allowRemovedSubjects) {
                allowedRemovals.add(removed.name());
            } else {
                checks.add(removal(current, removed, latest.label(), shownCatalogDirectory));
            }
        }
        List<String> labels =
                baselinesOldestFirst.stream().map(Baselines.Loaded::label).toList();
        List<CompatibilityGateResult.WaivedProblem> waived = new ArrayList<>();
        baselinesOldestFirst.forEach(baseline -> baseline.catalog().waivedProblems().stream()
                .map(problem -> new CompatibilityGateResult.WaivedProblem(baseline.label(), problem))
                .forEach(waived::add));
        return new CompatibilityGateResult(labels, checks, newSubjects, allowedRemovals, waived);
    }

    private static Optional<Subject> baselineSubject(Catalog catalog, String name) {
        return catalog.subjects().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static SubjectCheck removal(Catalog current, Subject removed, String version, String shownDirectory) {
        boolean topicGone = current.topic(removed.topic()).isEmpty();
        String what = removed.key() ? "key schema" : "schema";
        String change = topicGone
                ? "subject removed: topic \"" + removed.topic() + "\" is no longer in the catalog"
                : "subject removed: topic \"" + removed.topic() + "\" no longer has this " + what
                        + " (the event was removed, renamed, or the topic's naming strategy changed)";
        String fix = topicGone
                ? "keep the topic \"" + removed.topic() + "\" in the catalog until no service produces to or"
                        + " consumes from it, or allow removed subjects (allowRemovedSubjects) for this change"
                : "keep " + removed.schemaFile().path() + " on topic \"" + removed.topic() + "\" (mark it"
                        + " deprecated in its doc) until no service uses it, or allow removed subjects"
                        + " (allowRemovedSubjects) for this change";
        SchemaFormat format = removed.schemaFile().format();
        CompatibilityFinding finding = new CompatibilityFinding(
                format,
                format == SchemaFormat.AVRO ? "." : "#",
                change,
                Direction.FORWARD,
                version,
                fix,
                topicGone ? "TOPIC_REMOVED" : "SUBJECT_REMOVED");
        CompatibilityReport report =
                new CompatibilityReport(removed.compatibility(), CURRENT, List.of(version), List.of(finding));
        return new SubjectCheck(removed.name(), shown(shownDirectory, removed.schemaFile()), report);
    }

    private static String shown(String directory, SchemaFile file) {
        return directory.isEmpty() || directory.equals(".")
                ? file.path()
                : directory.replaceAll("/+$", "") + "/" + file.path();
    }
}
