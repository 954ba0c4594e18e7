package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.DateTimeType;
import java.io.File;
import java.util.List;
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
 * Generates typed Java sources from an event catalog and adds them to the compile source roots.
 * Unchanged catalog and configuration: nothing is generated and no file is touched.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
  /** The catalog directory, holding {@code catalog.yaml}. Not used when a catalogArtifact is set. */
  @Parameter(property = "codegen.catalogDirectory", defaultValue = "${project.basedir}/src/main/catalog")
  private File catalogDirectory;

  /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}; see README. */
  @Parameter(property = "codegen.catalogArtifact")
  private String catalogArtifact;

  /** The generated source root; the goal owns it (files of schemas that are gone are deleted). */
  @Parameter(property = "codegen.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/eventcat")
  private File outputDirectory;

  /** Java type of JSON Schema {@code date-time} strings: INSTANT (default) or OFFSET_DATE_TIME. */
  @Parameter(property = "codegen.dateTimeType")
  private DateTimeType dateTimeType;

  /** Whether a JSON {@code number} with {@code multipleOf} is a BigDecimal (default true). */
  @Parameter(property = "codegen.decimalMultipleOf")
  private Boolean decimalMultipleOf;

  /** JSON {@code number} formats that mean BigDecimal (default, and when empty: decimal, money). */
  @Parameter(property = "codegen.decimalFormats")
  private List<String> decimalFormats;

  /** Whether every JSON {@code number} is a BigDecimal (default false). */
  @Parameter(property = "codegen.decimalAllNumbers")
  private Boolean decimalAllNumbers;

  /** JSON records with at least this many components get a builder (default 4). */
  @Parameter(property = "codegen.builderThreshold")
  private Integer builderThreshold;

  /** Also generate {@code <Topic>OutboxProducer}s; the project then needs {@code event-outbox}. */
  @Parameter(property = "codegen.outbox", defaultValue = "false")
  private boolean outbox;

  /** Skip the goal (no source root is added). */
  @Parameter(property = "codegen.skip", defaultValue = "false")
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
      getLog().info("Skipping code generation (codegen.skip)");
      return;
    }
    GenerateRequest request = request();
    getLog().info(GenerateGoal.summary(request, GenerateGoal.run(request)));
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
  }

  GenerateRequest request() throws MojoExecutionException {
    CatalogLocation catalog = catalogArtifact == null || catalogArtifact.isBlank()
        ? CatalogLocation.directory(catalogDirectory.toPath(), project.getBasedir().toPath())
        : new CatalogArtifacts(repositorySystem, session.getRepositorySession(), project)
            .resolve(catalogArtifact);
    return new GenerateRequest(catalog, GenerateRequest.configuration(outputDirectory.toPath(),
        dateTimeType, decimalMultipleOf, decimalFormats, decimalAllNumbers, builderThreshold, outbox),
        project.getBasedir().toPath());
  }
}
