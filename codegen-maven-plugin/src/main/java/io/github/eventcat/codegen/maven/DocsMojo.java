package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.docs.DocsBaseline;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import io.github.eventcat.docs.DocsResult;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the catalog's docs for its readers: a static site ({@code index.html}, a page per topic
 * and per event) and {@code asyncapi.yaml}, with nothing to host (catalog-docs).
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DocsMojo extends BaselineCatalogMojo {
    /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}; see README. */
    @Parameter(property = Codegen.CATALOG_ARTIFACT)
    private String catalogArtifact;

    /** Where the site and asyncapi.yaml go. */
    @Parameter(property = Codegen.DOCS_OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/eventcat-docs")
    private File outputDirectory;

    /** The catalog version shown as the AsyncAPI document's info.version. */
    @Parameter(property = Codegen.DOCS_VERSION, defaultValue = "${project.version}")
    private String version;

    /** Skip the goal. */
    @Parameter(property = Codegen.DOCS_SKIP, defaultValue = "false")
    private boolean skip;

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
        CatalogLocation catalog = catalogLocation(catalogArtifact);
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

    /** The same baseline parameters as check-compatibility, any number of them; none set: no history. */
    private List<DocsBaseline> baselines() throws MojoExecutionException {
        List<DocsBaseline> baselines = new ArrayList<>();
        for (BaselineSource source : everyBaseline()) {
            baselines.add(new DocsBaseline(source.label(), source.load()));
        }
        return baselines;
    }
}
