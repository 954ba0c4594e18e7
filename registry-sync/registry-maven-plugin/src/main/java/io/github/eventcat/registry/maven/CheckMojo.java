package io.github.eventcat.registry.maven;

import java.io.File;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.registry.sync.CheckRequest;
import io.github.eventcat.registry.sync.IncompatibleSchemasException;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SubjectConflictException;
import io.github.eventcat.runtime.registry.SchemaRegistryException;

/** Asks the live registry whether every catalog schema is compatible; fails the build on any incompatible subject. */
@Mojo(name = "check", threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractRegistryMojo {
    /** The catalog directory (with catalog.yaml) or a catalog jar. */
    @Parameter(property = "registry.catalogDirectory", defaultValue = "${basedir}/src/main/catalog")
    File catalogDirectory;

    @Parameter(property = "registry.parallelism", defaultValue = "4")
    int parallelism;

    @Parameter(property = "registry.normalize", defaultValue = "false")
    boolean normalize;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("registry:check skipped (registry.skip)");
            return;
        }
        if (parallelism < 1) {
            throw new MojoFailureException("registry.parallelism must be at least 1, not " + parallelism);
        }
        CheckRequest request = new CheckRequest(connection(), catalogDirectory.toPath(), parallelism, normalize);
        try {
            new RegistrySync(MavenLog.info(getLog())).check(request);
        } catch (IncompatibleSchemasException | CatalogException | SubjectConflictException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new MojoExecutionException(ErrorMessages.describe(e), e);
        }
    }
}
