package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import java.io.File;
import java.io.UncheckedIOException;
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
 * Writes the catalog's docs for its readers: a static site ({@code index.html}, a page per topic
 * and per event) and {@code asyncapi.yaml}, with nothing to host (catalog-docs).
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DocsMojo extends AbstractMojo {
  /** The catalog directory, holding {@code catalog.yaml}. Not used when a catalogArtifact is set. */
  @Parameter(property = "codegen.catalogDirectory", defaultValue = "${project.basedir}/src/main/catalog")
  private File catalogDirectory;

  /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}; see README. */
  @Parameter(property = "codegen.catalogArtifact")
  private String catalogArtifact;

  /** Where the site and asyncapi.yaml go. */
  @Parameter(property = "codegen.docs.outputDirectory", defaultValue = "${project.build.directory}/eventcat-docs")
  private File outputDirectory;

  /** The catalog version shown as the AsyncAPI document's info.version. */
  @Parameter(property = "codegen.docs.version", defaultValue = "${project.version}")
  private String version;

  /** Skip the goal. */
  @Parameter(property = "codegen.docs.skip", defaultValue = "false")
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
      getLog().info("Skipping the catalog docs (codegen.docs.skip)");
      return;
    }
    CatalogLocation catalog = catalogArtifact == null || catalogArtifact.isBlank()
        ? CatalogLocation.directory(catalogDirectory.toPath(), project.getBasedir().toPath())
        : new CatalogArtifacts(repositorySystem, session.getRepositorySession(), project).resolve(catalogArtifact);
    try {
      getLog().info(DocsGenerator.generate(
          new DocsRequest(catalog.load(), outputDirectory.toPath(), version)).summary());
    } catch (CatalogException e) {
      throw Failures.invalidCatalog(catalog.description(), e);
    } catch (UncheckedIOException e) {
      throw Failures.ioFailure(e);
    }
  }
}
