package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.ci.CiEnvironment;
import io.github.eventcat.catalog.lint.CatalogLinter;
import io.github.eventcat.catalog.lint.LintFinding;
import io.github.eventcat.catalog.lint.LintRequest;
import io.github.eventcat.catalog.lint.LintResult;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Event-design lint: checks the catalog against the rules its catalog.yaml selects (docs/lint.md).
 * Errors fail the build, warnings are logged.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends CatalogMojo {
    /** Where the JUnit XML report goes (one test case per file), for CI test report views. */
    @Parameter(
            property = Codegen.LINT_JUNIT_REPORT,
            defaultValue = "${project.build.directory}/eventcat-lint/TEST-lint.xml")
    private File junitReport;

    /** Print GitHub Actions annotations; default: when the environment has GITHUB_ACTIONS=true. */
    @Parameter(property = Codegen.LINT_GITHUB_ANNOTATIONS)
    private Boolean githubAnnotations;

    /** Skip the lint. */
    @Parameter(property = Codegen.LINT_SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the lint (" + Codegen.LINT_SKIP + ")");
            return;
        }
        Failures.guard("codegen:lint", () -> {
            String shown = catalogDirectoryLocation().description();
            LintResult result;
            try {
                result = CatalogLinter.run(new LintRequest(
                        catalogDirectory.toPath(),
                        shown,
                        Optional.ofNullable(junitReport).map(File::toPath)));
            } catch (CatalogException e) {
                throw Failures.invalidCatalog(shown, e);
            } catch (UncheckedIOException e) {
                throw Failures.ioFailure(e);
            }
            result.logLines().forEach(line -> CompatibilityGate.log(getLog(), line));
            Optional.ofNullable(junitReport).ifPresent(file -> getLog().info("JUnit report: " + file));
            if (CiEnvironment.current().githubAnnotations(githubAnnotations)) {
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
                throw new MojoFailureException(message.toString());
            }
        });
    }
}
