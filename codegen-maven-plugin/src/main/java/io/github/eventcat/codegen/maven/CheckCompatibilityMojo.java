package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.catalog.compat.CompatibilityGateRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
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
  @Parameter(property = "codegen.compat.baseline")
  private String baseline;

  /** A baseline catalog directory. */
  @Parameter(property = "codegen.compat.baselineDirectory")
  private File baselineDirectory;

  /** A git revision (tag, branch, commit) of the catalog directory. */
  @Parameter(property = "codegen.compat.baselineGitRevision")
  private String baselineGitRevision;

  /** The current catalog directory, holding {@code catalog.yaml}. */
  @Parameter(property = "codegen.catalogDirectory", defaultValue = "${project.basedir}/src/main/catalog")
  private File catalogDirectory;

  /** Accept subjects the baseline has and the catalog no longer has. */
  @Parameter(property = "codegen.compat.allowRemovedSubjects", defaultValue = "false")
  private boolean allowRemovedSubjects;

  /** Where the JUnit XML report goes (one test case per subject), for CI test report views. */
  @Parameter(property = "codegen.compat.junitReport", defaultValue = "${project.build.directory}/eventcat-compat/TEST-compatibility.xml")
  private File junitReport;

  /** Where the Markdown change report goes (for pull requests); also appended to GITHUB_STEP_SUMMARY. */
  @Parameter(property = "codegen.compat.changesReport", defaultValue = "${project.build.directory}/eventcat/changes.md")
  private File changesReport;

  /** Print GitHub Actions annotations; default: when the environment has GITHUB_ACTIONS=true. */
  @Parameter(property = "codegen.compat.githubAnnotations")
  private Boolean githubAnnotations;

  /** Skip the check. */
  @Parameter(property = "codegen.compat.skip", defaultValue = "false")
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
      getLog().info("Skipping the compatibility check (codegen.compat.skip)");
      return;
    }
    CompatibilityGateRequest request = new CompatibilityGateRequest(catalogDirectory.toPath(),
        CatalogLocation.directory(catalogDirectory.toPath(), project.getBasedir().toPath()).description(),
        baselines(), allowRemovedSubjects, Optional.ofNullable(junitReport).map(File::toPath),
        Optional.ofNullable(changesReport).map(File::toPath));
    boolean annotations = githubAnnotations != null
        ? githubAnnotations : "true".equals(System.getenv("GITHUB_ACTIONS"));
    Optional<Path> stepSummary = Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY"))
        .filter(value -> !value.isBlank()).map(Path::of);
    CompatibilityGate.run(request, annotations, stepSummary, getLog());
  }

  private List<BaselineSource> baselines() throws MojoExecutionException {
    List<BaselineSource> sources = new ArrayList<>();
    int configured = 0;
    if (baseline != null && !baseline.isBlank()) {
      configured++;
      sources.addAll(new BaselineArtifacts(repositorySystem, session.getRepositorySession(),
          project.getRemoteProjectRepositories()).resolve(baseline));
    }
    if (baselineDirectory != null) {
      configured++;
      sources.add(BaselineSource.directory(baselineDirectory.toPath(),
          directoryLabel(baselineDirectory.toPath(), project.getBasedir().toPath())));
    }
    if (baselineGitRevision != null && !baselineGitRevision.isBlank()) {
      configured++;
      sources.add(BaselineSource.gitRevision(catalogDirectory.toPath(), baselineGitRevision.trim()));
    }
    if (configured != 1) {
      throw new MojoExecutionException("Set exactly one baseline to check the catalog against, not "
          + configured + ": codegen.compat.baseline (groupId:artifactId:version or a range such as"
          + " [1.0,1.3]), codegen.compat.baselineDirectory, or codegen.compat.baselineGitRevision");
    }
    return sources;
  }

  /**
   * How findings name a directory baseline: its path relative to the project (Maven hands the
   * parameter over absolute), which reads the same on every machine and in CI.
   */
  static String directoryLabel(Path directory, Path projectBase) {
    Path absolute = directory.toAbsolutePath().normalize();
    Path base = projectBase.toAbsolutePath().normalize();
    String shown = absolute.getRoot() != null && absolute.getRoot().equals(base.getRoot())
        ? base.relativize(absolute).toString() : absolute.toString();
    return shown.isEmpty() ? "." : shown.replace('\\', '/');
  }
}
