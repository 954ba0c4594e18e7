package io.github.eventcat.registry.maven;

import java.io.File;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.eventcat.registry.sync.PullRequest;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.runtime.registry.SchemaRegistryException;

/** Downloads the latest schema of the subjects matching a regex into a catalog directory, with a catalog.yaml skeleton. */
@Mojo(name = "pull", threadSafe = true, requiresProject = false)
public class PullMojo extends AbstractRegistryMojo {
    /** A regular expression the whole subject name must match. */
    @Parameter(property = "registry.subjects", defaultValue = ".*")
    String subjects;

    @Parameter(property = "registry.catalogDirectory", defaultValue = "${basedir}/src/main/catalog")
    File catalogDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("registry:pull skipped (registry.skip)");
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(subjects);
        } catch (PatternSyntaxException e) {
            throw new MojoFailureException("registry.subjects=" + subjects + " is not a regular expression: " + e.getDescription());
        }
        try {
            new RegistrySync(MavenLog.info(getLog())).pull(new PullRequest(connection(), pattern, catalogDirectory.toPath()));
        } catch (SchemaRegistryException e) {
            throw new MojoExecutionException(ErrorMessages.describe(e), e);
        }
    }
}
