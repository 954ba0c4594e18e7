package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.LintRequest;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
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
        LintRequest request = new LintRequest(
                catalogDirectory.toPath(),
                catalogDirectoryLocation().description(),
                Optional.ofNullable(junitReport).map(File::toPath),
                githubAnnotations);
        withEngine("codegen:lint", (engine, log) -> {
            engine.lint(request, log);
            return null;
        });
    }
}
