package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.docs.DocsBaseline;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import io.github.eventcat.docs.DocsResult;
import io.github.eventcat.maven.common.ArtifactResolver;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Writes the catalog's docs for its readers: a static site ({@code index.html}, a page per topic
 * and per event) and {@code asyncapi.yaml}, with nothing to host (catalog-docs).
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DocsMojo extends AbstractMojo {
    /** The catalog directory, holding {@code catalog.yaml}. Not used when a catalogArtifact is set. */
    @Parameter(property = Codegen.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    private File catalogDirectory;

    /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}; see README. */
    @Parameter(property = Codegen.CATALOG_ARTIFACT)
    private String catalogArtifact;

    /** Where the site and asyncapi.yaml go. */
    @Parameter(property = Codegen.DOCS_OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/eventcat-docs")
    private File outputDirectory;

    /** The catalog version shown as the AsyncAPI document's info.version. */
    @Parameter(property = Codegen.DOCS_VERSION, defaultValue = "${project.version}")
    private String version;

    /** Baseline catalog artifact or range (as check-compatibility): event pages show their history. */
    @Parameter(property = Codegen.COMPAT_BASELINE)
    private String baseline;

    /** A baseline catalog directory (as check-compatibility), for the event pages' history. */
    @Parameter(property = Codegen.COMPAT_BASELINE_DIRECTORY)
    private File baselineDirectory;

    /** A git revision of the catalog directory as baseline (as check-compatibility), for the history. */
    @Parameter(property = Codegen.COMPAT_BASELINE_GIT_REVISION)
    private String baselineGitRevision;

    /** Skip the goal. */
    @Parameter(property = Codegen.DOCS_SKIP, defaultValue = "false")
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
        getLog().info(generate(outputDirectory.toPath()).summary());
    }

    /** Whether the goal is to be skipped ({@code codegen.docs.skip}). */
    boolean skipped() {
        return skip;
    }

    /** Loads the catalog (and the baselines) the parameters name and writes its docs to {@code out}. */
    DocsResult generate(Path out) throws MojoExecutionException, MojoFailureException {
        CatalogLocation catalog = CatalogLocation.of(
                catalogDirectory,
                catalogArtifact,
                new ArtifactResolver(repositorySystem, session.getRepositorySession(), project),
                project.getBasedir().toPath(),
                Codegen.CATALOG_ARTIFACT);
        try {
            return DocsGenerator.generate(new DocsRequest(catalog.load(), out, version, baselines()));
        } catch (BaselineException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (CatalogException e) {
            throw Failures.invalidCatalog(catalog.description(), e);
        } catch (UncheckedIOException e) {
            throw Failures.ioFailure(e);
        }
    }

    /** The same baseline parameters as check-compatibility; none set: no history. */
    private List<DocsBaseline> baselines() throws MojoExecutionException {
        List<BaselineSource> sources = new ArrayList<>();
        if (baseline != null && !baseline.isBlank()) {
            sources.addAll(CheckCompatibilityMojo.released(baseline, project, session, repositorySystem));
        }
        if (baselineDirectory != null) {
            sources.add(BaselineSource.directory(
                    baselineDirectory.toPath(),
                    CheckCompatibilityMojo.directoryLabel(
                            baselineDirectory.toPath(), project.getBasedir().toPath())));
        }
        if (baselineGitRevision != null && !baselineGitRevision.isBlank()) {
            sources.add(BaselineSource.gitRevision(catalogDirectory.toPath(), baselineGitRevision.trim()));
        }
        List<DocsBaseline> baselines = new ArrayList<>();
        for (BaselineSource source : sources) {
            baselines.add(new DocsBaseline(source.label(), source.load()));
        }
        return baselines;
    }
}
