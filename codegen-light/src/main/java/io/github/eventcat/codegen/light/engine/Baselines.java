package io.github.eventcat.codegen.light.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The baseline parameters of the goals that compare the catalog with earlier versions of it, as
 * the user set them ({@code null}: not set), and how to resolve released versions.
 *
 * @param baseline released catalog versions, {@code groupId:artifactId:version} or a range
 * @param baselineDirectory a baseline catalog directory
 * @param baselineDirectoryLabel how findings name that directory
 * @param baselineGitRevision a git revision of the catalog directory
 * @param catalogDirectory the catalog directory (for the git revision)
 * @param properties the three parameters' properties, named when they are set wrongly
 * @param resolver resolves the released versions {@code baseline} names
 */
public record Baselines(
        String baseline,
        Path baselineDirectory,
        String baselineDirectoryLabel,
        String baselineGitRevision,
        Path catalogDirectory,
        List<String> properties,
        VersionResolver resolver) {
    public Baselines {
        Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
        properties = List.copyOf(properties);
        Objects.requireNonNull(resolver, "resolver == null");
    }

    /** A released catalog version. */
    public record Released(Path file, String version) {
        public Released {
            Objects.requireNonNull(file, "file == null");
            Objects.requireNonNull(version, "version == null");
        }
    }

    /** Resolves released catalog versions the way the build tool resolves dependencies. */
    @FunctionalInterface
    public interface VersionResolver {
        /** Every released version the coordinates name (a version may be a range), oldest first. */
        List<Released> versions(String coordinates) throws EngineException;
    }
}
