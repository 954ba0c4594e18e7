package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.ci.CiEnvironment;
import io.github.eventcat.catalog.lint.CatalogLinter;
import io.github.eventcat.catalog.lint.LintFinding;
import io.github.eventcat.catalog.lint.LintResult;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.EngineLog;
import io.github.eventcat.codegen.light.engine.LintRequest;
import io.github.eventcat.maven.common.Failures;
import java.io.UncheckedIOException;

/** The work of the {@code lint} goal: errors fail the build, warnings are logged. */
final class Lint {
    private Lint() {}

    static void run(LintRequest request, EngineLog log) throws EngineException {
        String shown = request.shownCatalogDirectory();
        LintResult result;
        try {
            result = CatalogLinter.run(new io.github.eventcat.catalog.lint.LintRequest(
                    request.catalogDirectory(), shown, request.junitReport()));
        } catch (CatalogException e) {
            throw EngineException.failure(Messages.invalidCatalog(shown, e));
        } catch (UncheckedIOException e) {
            throw EngineException.error(Failures.ioFailureMessage(e), e);
        }
        result.logLines().forEach(line -> CompatibilityGate.log(log, line));
        request.junitReport().ifPresent(file -> log.info("JUnit report: " + file));
        if (CiEnvironment.current().githubAnnotations(request.githubAnnotations())) {
            // Straight to stdout, as the gate does: Maven's logger would prefix the workflow commands.
            System.out.print(result.githubAnnotations());
            System.out.flush();
        }
        if (result.hasErrors()) {
            StringBuilder message = new StringBuilder("The catalog at ")
                    .append(shown)
                    .append(" has ")
                    .append(result.errors().size())
                    .append(result.errors().size() == 1 ? " lint error" : " lint errors")
                    .append(result.errors().size() == 1 ? "; fix it" : "; fix them")
                    .append(", or configure lint in catalog.yaml (docs/lint.md), and build again:");
            for (LintFinding error : result.errors()) {
                message.append('\n').append(error.render(shown));
            }
            throw EngineException.failure(message.toString());
        }
    }
}
