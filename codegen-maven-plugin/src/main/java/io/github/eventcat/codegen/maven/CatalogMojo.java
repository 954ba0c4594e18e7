package io.github.eventcat.codegen.maven;

import io.github.eventcat.maven.common.ArtifactResolver;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/** What every goal of this plugin that reads a catalog is given: the catalog directory and the build. */
public abstract class CatalogMojo extends AbstractMojo {
    /** The catalog directory, holding {@code catalog.yaml} (for generate and docs: not used when a catalogArtifact is set). */
    @Parameter(property = Codegen.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    File catalogDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    RepositorySystem repositorySystem;

    /** The project's directory, which paths in messages are shown relative to. */
    final Path projectBase() {
        return project.getBasedir().toPath();
    }

    /** The catalog directory as a location. */
    final CatalogLocation catalogDirectoryLocation() {
        return CatalogLocation.directory(catalogDirectory.toPath(), projectBase());
    }

    /** The released catalog jar {@code catalogArtifact} names when set, else the catalog directory. */
    final CatalogLocation catalogLocation(String catalogArtifact) throws MojoExecutionException {
        return CatalogLocation.of(
                catalogDirectory, catalogArtifact, artifactResolver(), projectBase(), Codegen.CATALOG_ARTIFACT);
    }

    final ArtifactResolver artifactResolver() {
        return new ArtifactResolver(repositorySystem, session.getRepositorySession(), project);
    }
}
