package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.Baselines;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that compare the catalog with earlier versions of it (the compatibility gate, the docs'
 * event histories): the same three baseline parameters, read one way.
 */
public abstract class BaselineCatalogMojo extends CatalogMojo {
    /** Released catalog versions: {@code groupId:artifactId:version}, or a range ({@code [1.0,1.3]}). */
    @Parameter(property = Codegen.COMPAT_BASELINE)
    String baseline;

    /** A baseline catalog directory. */
    @Parameter(property = Codegen.COMPAT_BASELINE_DIRECTORY)
    File baselineDirectory;

    /** A git revision (tag, branch, commit) of the catalog directory. */
    @Parameter(property = Codegen.COMPAT_BASELINE_GIT_REVISION)
    String baselineGitRevision;

    /** The baseline parameters for the engine; released versions are resolved when it asks. */
    final Baselines baselines() {
        Path directory = baselineDirectory == null ? null : baselineDirectory.toPath();
        return new Baselines(
                baseline,
                directory,
                directory == null ? null : directoryLabel(directory, projectBase()),
                baselineGitRevision,
                catalogDirectory.toPath(),
                List.of(
                        Codegen.COMPAT_BASELINE,
                        Codegen.COMPAT_BASELINE_DIRECTORY,
                        Codegen.COMPAT_BASELINE_GIT_REVISION),
                coordinates -> {
                    try {
                        return artifactResolver().versions(coordinates, Codegen.COMPAT_BASELINE).stream()
                                .map(version -> new Baselines.Released(version.file(), version.version()))
                                .toList();
                    } catch (MojoExecutionException e) {
                        throw EngineException.error(e.getMessage(), e);
                    }
                });
    }

    /**
     * How findings name a directory baseline: its path relative to the project (Maven hands the
     * parameter over absolute), which reads the same on every machine and in CI.
     */
    static String directoryLabel(Path directory, Path projectBase) {
        return CatalogLocation.relative(directory, projectBase);
    }
}
