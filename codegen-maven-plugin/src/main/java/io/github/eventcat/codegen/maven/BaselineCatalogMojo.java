package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.compat.BaselineChoice;
import io.github.eventcat.catalog.compat.BaselineException;
import io.github.eventcat.catalog.compat.BaselineSource;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** The baselines, when exactly one of the three parameters is set (the gate's rule). */
    final List<BaselineSource> exactlyOneBaseline() throws MojoExecutionException {
        try {
            BaselineChoice.exactlyOne(
                    baseline,
                    baselineDirectory == null ? null : baselineDirectory.toPath(),
                    baselineGitRevision,
                    List.of(
                            Codegen.COMPAT_BASELINE,
                            Codegen.COMPAT_BASELINE_DIRECTORY,
                            Codegen.COMPAT_BASELINE_GIT_REVISION));
        } catch (BaselineException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        return everyBaseline();
    }

    /** Every baseline the parameters name, released versions oldest first; none set: none. */
    final List<BaselineSource> everyBaseline() throws MojoExecutionException {
        List<BaselineSource> sources = new ArrayList<>();
        if (baseline != null && !baseline.isBlank()) {
            artifactResolver().versions(baseline, Codegen.COMPAT_BASELINE).stream()
                    .map(version -> BaselineSource.jar(version.file(), version.version()))
                    .forEach(sources::add);
        }
        if (baselineDirectory != null) {
            sources.add(BaselineSource.directory(
                    baselineDirectory.toPath(), directoryLabel(baselineDirectory.toPath(), projectBase())));
        }
        if (baselineGitRevision != null && !baselineGitRevision.isBlank()) {
            sources.add(BaselineSource.gitRevision(catalogDirectory.toPath(), baselineGitRevision.trim()));
        }
        return sources;
    }

    /**
     * How findings name a directory baseline: its path relative to the project (Maven hands the
     * parameter over absolute), which reads the same on every machine and in CI.
     */
    static String directoryLabel(Path directory, Path projectBase) {
        return CatalogLocation.relative(directory, projectBase);
    }
}
