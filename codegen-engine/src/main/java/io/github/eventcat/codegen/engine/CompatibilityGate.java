package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.ci.CiEnvironment;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.CatalogCompatibilityGate;
import io.github.eventcat.catalog.compat.CompatibilityFinding;
import io.github.eventcat.catalog.compat.CompatibilityGateRequest;
import io.github.eventcat.catalog.compat.CompatibilityGateResult;
import io.github.eventcat.catalog.compat.ReportLine;
import io.github.eventcat.catalog.compat.SchemaNotComparableException;
import io.github.eventcat.catalog.compat.SubjectCheck;
import io.github.eventcat.codegen.light.engine.CompatibilityRequest;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.EngineLog;
import io.github.eventcat.maven.common.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** The work of the {@code check-compatibility} goal: the gate, its report and its failure. */
final class CompatibilityGate {
    private CompatibilityGate() {}

    /**
     * Runs the gate, logs the report, prints GitHub annotations if asked, appends the change report
     * to the GitHub step summary if there is one, and fails the build on any finding.
     */
    static CompatibilityGateResult run(CompatibilityRequest gate, EngineLog log) throws EngineException {
        CompatibilityGateRequest request = new CompatibilityGateRequest(
                gate.catalogDirectory(),
                gate.shownCatalogDirectory(),
                BaselineSources.exactlyOne(gate.baselines()),
                gate.allowRemovedSubjects(),
                gate.junitReport(),
                gate.changesReport());
        CiEnvironment ci = CiEnvironment.current();
        return run(request, ci.githubAnnotations(gate.githubAnnotations()), ci.stepSummary(), log);
    }

    /** The gate on a request of schema-catalog's. */
    static CompatibilityGateResult run(
            CompatibilityGateRequest request, boolean githubAnnotations, Optional<Path> stepSummary, EngineLog log)
            throws EngineException {
        CompatibilityGateResult result;
        try {
            result = CatalogCompatibilityGate.run(request);
        } catch (CatalogException e) {
            throw EngineException.failure(Messages.invalidCatalog(request.shownCatalogDirectory(), e));
        } catch (BaselineException | SchemaNotComparableException e) {
            throw EngineException.error(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw EngineException.error(Failures.ioFailureMessage(e), e);
        }
        result.logLines().forEach(line -> log(log, line));
        request.junitReport().ifPresent(file -> log.info("JUnit report: " + file));
        if (request.changesReport().isPresent()) {
            log.info("Change report: " + request.changesReport().get());
            if (stepSummary.isPresent()) {
                appendStepSummary(request.changesReport().get(), stepSummary.get());
            }
        }
        if (githubAnnotations) {
            // Straight to stdout: GitHub reads workflow commands only at the start of a line, and
            // Maven's logger would prefix them with [ERROR].
            System.out.print(result.githubAnnotations());
            System.out.flush();
        }
        if (!result.isCompatible()) {
            throw EngineException.failure(failure(request, result));
        }
        return result;
    }

    /** GitHub shows the step summary file (Markdown) on the run's page; other steps append to it too. */
    static void appendStepSummary(Path changes, Path summary) throws EngineException {
        try {
            Files.writeString(
                    summary,
                    Files.readString(changes, StandardCharsets.UTF_8) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw EngineException.error(
                    Failures.triedMessage("append the change report to the GitHub step summary " + summary, e), e);
        }
    }

    /**
     * A breaking finding is an error, as loud as the build failure it causes; a change let through
     * (an allowed removal) is a warning, so that CI consoles and log filters show both.
     */
    static void log(EngineLog log, ReportLine line) {
        switch (line.severity()) {
            case ERROR -> log.error(line.text());
            case WARNING -> log.warn(line.text());
            case INFO -> log.info(line.text());
        }
    }

    /** Every finding, one line each: file, subject and level, where, what changed, who breaks, fix. */
    static String failure(CompatibilityGateRequest request, CompatibilityGateResult result) {
        int findings = result.findingCount();
        int subjects = result.breakingChecks().size();
        StringBuilder message = new StringBuilder("The catalog at ")
                .append(request.shownCatalogDirectory())
                .append(" breaks compatibility with ")
                .append(String.join(", ", result.baselines()))
                .append(": ")
                .append(findings)
                .append(findings == 1 ? " finding" : " findings")
                .append(" in ")
                .append(subjects)
                .append(subjects == 1 ? " subject" : " subjects")
                .append("; fix ")
                .append(findings == 1 ? "it" : "them")
                .append(" and check again:");
        for (SubjectCheck check : result.breakingChecks()) {
            for (CompatibilityFinding finding : check.report().findings()) {
                message.append('\n')
                        .append(check.schemaFile())
                        .append(" [")
                        .append(check.subject())
                        .append(", ")
                        .append(check.report().level())
                        .append("] ")
                        .append(finding.message());
            }
        }
        return message.toString();
    }
}
