package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.ci.CiEnvironment;
import io.github.eventcat.catalog.compat.BaselineChoice;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.catalog.compat.CompatibilityGateRequest;
import io.github.eventcat.maven.common.ArtifactResolver;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * The CI gate: fails the build when the catalog breaks the compatibility level of a subject
 * against a baseline catalog (a released version, a directory or a git revision). No registry.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCompatibilityMojo extends AbstractMojo {
    /** Released catalog versions: {@code groupId:artifactId:version}, or a range ({@code [1.0,1.3]}). */
    @Parameter(property = Codegen.COMPAT_BASELINE)
    private String baseline;

    /** A baseline catalog directory. */
    @Parameter(property = Codegen.COMPAT_BASELINE_DIRECTORY)
    private File baselineDirectory;

    /** A git revision (tag, branch, commit) of the catalog directory. */
    @Parameter(property = Codegen.COMPAT_BASELINE_GIT_REVISION)
    private String baselineGitRevision;

    /** The current catalog directory, holding {@code catalog.yaml}. */
    @Parameter(property = Codegen.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    private File catalogDirectory;

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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the compatibility check (" + Codegen.COMPAT_SKIP + ")");
            return;
        }
        Failures.guard("codegen:check-compatibility", () -> {
            CompatibilityGateRequest request = new CompatibilityGateRequest(
                    catalogDirectory.toPath(),
                    CatalogLocation.directory(
                                    catalogDirectory.toPath(),
                                    project.getBasedir().toPath())
                            .description(),
                    baselines(),
                    allowRemovedSubjects,
                    Optional.ofNullable(junitReport).map(File::toPath),
                    Optional.ofNullable(changesReport).map(File::toPath));
            CiEnvironment ci = CiEnvironment.current();
            CompatibilityGate.run(request, ci.githubAnnotations(githubAnnotations), ci.stepSummary(), getLog());
        });
    }

    private List<BaselineSource> baselines() throws MojoExecutionException {
        BaselineChoice.Kind kind;
        try {
            kind = BaselineChoice.exactlyOne(
                    baseline,
                    baselineDirectory == null ? null : baselineDirectory.toPath(),
                    baselineGitRevision,
                    List.of(
                            Codegen.COMPAT_BASELINE,
                            Codegen.COMPAT_BASELINE_DIRECTORY,
                            Codegen.COMPAT_BASELINE_GIT_REVISION));
        } catch (BaselineException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        return switch (kind) {
            case RELEASED -> released(baseline, project, session, repositorySystem);
            case DIRECTORY ->
                List.of(BaselineSource.directory(
                        baselineDirectory.toPath(),
                        directoryLabel(
                                baselineDirectory.toPath(), project.getBasedir().toPath())));
            case GIT_REVISION ->
                List.of(BaselineSource.gitRevision(catalogDirectory.toPath(), baselineGitRevision.trim()));
        };
    }

    /** Every released version the coordinates name, oldest first, as baselines (also the docs' history). */
    static List<BaselineSource> released(
            String coordinates, MavenProject project, MavenSession session, RepositorySystem repositorySystem)
            throws MojoExecutionException {
        return new ArtifactResolver(repositorySystem, session.getRepositorySession(), project)
                .versions(coordinates, Codegen.COMPAT_BASELINE).stream()
                        .map(version -> BaselineSource.jar(version.file(), version.version()))
                        .toList();
    }

    /**
     * How findings name a directory baseline: its path relative to the project (Maven hands the
     * parameter over absolute), which reads the same on every machine and in CI.
     */
    static String directoryLabel(Path directory, Path projectBase) {
        return CatalogLocation.relative(directory, projectBase);
    }
}
