package io.github.eventcat.registry.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.registration.SubjectConflictException;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Registry;
import io.github.eventcat.registry.sync.CheckRequest;
import io.github.eventcat.registry.sync.IncompatibleSchemasException;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Asks the live registry whether every catalog schema is compatible; fails the build on any incompatible subject. */
@Mojo(name = "check", threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractRegistryMojo {
    /** The catalog directory (with catalog.yaml) or a catalog jar. Not used when a catalogArtifact is set. */
    @Parameter(property = Registry.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    File catalogDirectory;

    /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}, resolved like a dependency. */
    @Parameter(property = Registry.CATALOG_ARTIFACT)
    String catalogArtifact;

    /** Subjects read at once (default 4). */
    @Parameter(property = Registry.PARALLELISM)
    Integer parallelism;

    /** Ask the registry to normalize schemas before comparing. */
    @Parameter(property = Registry.NORMALIZE, defaultValue = "false")
    boolean normalize;

    /** Skip this goal. */
    @Parameter(property = Registry.CHECK_SKIP, defaultValue = "false")
    boolean checkSkip;

    @Override
    String goal() {
        return "registry:check";
    }

    @Override
    boolean goalSkip() {
        return checkSkip;
    }

    @Override
    String goalSkipProperty() {
        return Registry.CHECK_SKIP;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        CatalogLocation catalog = catalog(catalogDirectory, catalogArtifact);
        CheckRequest request = new CheckRequest(
                checked(connection()),
                catalog.path(),
                parallelism(parallelism, SyncRequest.DEFAULT_PARALLELISM),
                normalize);
        try {
            new RegistrySync(MavenLog.info(getLog())).check(request);
        } catch (IncompatibleSchemasException | SubjectConflictException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (CatalogException e) {
            throw Failures.invalidCatalog(catalog.description(), e, "check");
        } catch (SchemaRegistryException e) {
            throw registryFailure(e);
        }
    }
}
