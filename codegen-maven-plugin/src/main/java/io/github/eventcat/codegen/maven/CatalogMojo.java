package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.CodegenEngine;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.EngineLog;
import io.github.eventcat.maven.common.ArtifactResolver;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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

    /** This plugin's jar, when Maven says where it is (not in the harness). */
    final Optional<Path> pluginJar() {
        Object descriptor =
                getPluginContext() == null ? null : getPluginContext().get("pluginDescriptor");
        if (descriptor instanceof PluginDescriptor plugin
                && plugin.getPluginArtifact() != null
                && plugin.getPluginArtifact().getFile() != null) {
            return Optional.of(plugin.getPluginArtifact().getFile().toPath());
        }
        return Optional.empty();
    }

    /**
     * The {@code <dependencies>} of this plugin in the project's pom (Maven keeps the plugin's
     * descriptor in the plugin context; none when run without one, as in the harness).
     */
    final List<Dependency> pluginDependencies() {
        Object descriptor =
                getPluginContext() == null ? null : getPluginContext().get("pluginDescriptor");
        if (descriptor instanceof PluginDescriptor plugin && plugin.getPlugin() != null) {
            return plugin.getPlugin().getDependencies();
        }
        return List.of();
    }

    /** The work of a goal, done by the engine. */
    @FunctionalInterface
    interface EngineWork<T> {
        T run(CodegenEngine engine, EngineLog log) throws EngineException, MojoExecutionException;
    }

    /**
     * Loads the engine and runs the work with it (the engine's class loader as the thread's context
     * class loader), turning its exceptions into Maven's; anything unexpected is a bug.
     *
     * @param goal the goal as users know it, e.g. {@code codegen:lint}
     */
    final <T> T withEngine(String goal, EngineWork<T> work) throws MojoExecutionException, MojoFailureException {
        List<T> result = new ArrayList<>(1);
        Failures.guard(goal, () -> {
            CodegenEngine engine = new EngineLoader(
                            repositorySystem,
                            session.getRepositorySession(),
                            Objects.requireNonNullElse(project.getRemotePluginRepositories(), List.of()),
                            pluginDependencies(),
                            CatalogMojo.class.getClassLoader(),
                            getLog())
                    .load();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(engine.getClass().getClassLoader());
            try {
                result.add(work.run(engine, new MavenEngineLog(getLog())));
            } catch (EngineException e) {
                throw asMaven(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        return result.get(0);
    }

    /**
     * The engine's exception as Maven's: a build failure, or an error (the error the plugin itself
     * raised, such as a resolution failure, as it was).
     */
    static MojoExecutionException asMaven(EngineException e) throws MojoFailureException {
        if (e.buildFailure()) {
            throw new MojoFailureException(e.getMessage());
        }
        if (e.getCause() instanceof MojoExecutionException cause
                && e.getMessage().equals(cause.getMessage())) {
            return cause;
        }
        return new MojoExecutionException(e.getMessage(), e.getCause());
    }
}
