package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.CompatibilityRequest;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI gate: fails the build when the catalog breaks the compatibility level of a subject
 * against a baseline catalog (a released version, a directory or a git revision). No registry.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCompatibilityMojo extends BaselineCatalogMojo {
    /** Accept subjects the baseline has and the catalog no longer has. */
    @Parameter(property = Codegen.COMPAT_ALLOW_REMOVED_SUBJECTS, defaultValue = "false")
    private boolean allowRemovedSubjects;

    /** Where the JUnit XML report goes (one test case per subject), for CI test report views. */
    @Parameter(
            property = Codegen.COMPAT_JUNIT_REPORT,
            defaultValue = "${project.build.directory}/eventcat-compat/TEST-compatibility.xml")
    private File junitReport;

    /** Where the Markdown change report goes (for pull requests); also appended to GITHUB_STEP_SUMMARY. */
    @Parameter(
            property = Codegen.COMPAT_CHANGES_REPORT,
            defaultValue = "${project.build.directory}/eventcat/changes.md")
    private File changesReport;

    /** Print GitHub Actions annotations; default: when the environment has GITHUB_ACTIONS=true. */
    @Parameter(property = Codegen.COMPAT_GITHUB_ANNOTATIONS)
    private Boolean githubAnnotations;

    /** Skip the check. */
    @Parameter(property = Codegen.COMPAT_SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the compatibility check (" + Codegen.COMPAT_SKIP + ")");
            return;
        }
        CompatibilityRequest request = new CompatibilityRequest(
                catalogDirectory.toPath(),
                catalogDirectoryLocation().description(),
                baselines(),
                allowRemovedSubjects,
                Optional.ofNullable(junitReport).map(File::toPath),
                Optional.ofNullable(changesReport).map(File::toPath),
                githubAnnotations);
        withEngine("codegen:check-compatibility", (engine, log) -> {
            engine.checkCompatibility(request, log);
            return null;
        });
    }
}
