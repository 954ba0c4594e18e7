package io.github.eventcat.registry.maven;

import io.github.eventcat.maven.common.Defaults;
import io.github.eventcat.maven.common.PropertyNames.Registry;
import io.github.eventcat.registry.sync.PullRequest;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import java.io.File;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Downloads the latest schema of the subjects matching a regex into a catalog directory, with a catalog.yaml skeleton. */
@Mojo(name = "pull", threadSafe = true, requiresProject = false)
public class PullMojo extends AbstractRegistryMojo {
    /** A regular expression the whole subject name must match. */
    @Parameter(property = Registry.SUBJECTS, defaultValue = ".*")
    String subjects;

    /** Where the pulled catalog goes. */
    @Parameter(property = Registry.CATALOG_DIRECTORY, defaultValue = Defaults.CATALOG_DIRECTORY)
    File catalogDirectory;

    /** Skip this goal. */
    @Parameter(property = Registry.PULL_SKIP, defaultValue = "false")
    boolean pullSkip;

    @Override
    String goal() {
        return "registry:pull";
    }

    @Override
    boolean goalSkip() {
        return pullSkip;
    }

    @Override
    String goalSkipProperty() {
        return Registry.PULL_SKIP;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(subjects);
        } catch (PatternSyntaxException e) {
            throw new MojoFailureException(
                    Registry.SUBJECTS + "=" + subjects + " is not a regular expression: " + e.getDescription());
        }
        try {
            new RegistrySync(MavenLog.info(getLog()))
                    .pull(new PullRequest(checked(connection()), pattern, catalogDirectory.toPath()));
        } catch (SchemaRegistryException e) {
            throw registryFailure(e);
        }
    }
}
