package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.DocsRequest;
import io.github.eventcat.codegen.light.engine.DocsResult;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
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
        DocsRequest request = new DocsRequest(catalog.path(), catalog.description(), out, version, baselines());
        return withEngine("codegen:docs", (engine, log) -> engine.docs(request, log));
    }
}
