package io.github.eventcat.maven.common;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a goal reads its catalog from: a catalog directory, a catalog jar (a released catalog
 * artifact), or the output directory of a catalog module built in the same reactor (Maven hands
 * out {@code target/classes} for a sibling module that is not packaged yet). Every goal of both
 * plugins loads through {@link #load()}, which is schema-catalog's {@link CatalogLoader#loadFrom}:
 * the one rule for what a path holds, also used by registry-core.
 *
 * @param path the directory or jar
 * @param description how to name it in the build log: a path relative to the project, or the
 *     artifact's coordinates
 */
public record CatalogLocation(Path path, String description) {
    public CatalogLocation {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(description, "description == null");
    }

    /** A directory (or jar) on disk, named relative to the project when inside it. */
    public static CatalogLocation directory(Path directory, Path projectBase) {
        return new CatalogLocation(directory, shown(directory, projectBase));
    }

    /**
     * The catalog a goal was configured with: the artifact when its coordinates are set, else the
     * directory.
     */
    public static CatalogLocation of(
            File directory, String artifact, ArtifactResolver resolver, Path projectBase, String artifactProperty)
            throws org.apache.maven.plugin.MojoExecutionException {
        if (artifact == null || artifact.isBlank()) {
            return directory(directory.toPath(), projectBase);
        }
        return resolver.catalog(artifact, artifactProperty);
    }

    /**
     * A path as findings show it: relative to the project (Maven hands parameters over absolute),
     * with forward slashes, so it reads the same on every machine and in CI.
     */
    public static String shown(Path path, Path projectBase) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = projectBase.toAbsolutePath().normalize();
        String shown = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }

    /**
     * How findings name a baseline directory: relative to the project even when outside it ({@code
     * ../released/catalog}), as long as both are on one file system root.
     */
    public static String relative(Path path, Path projectBase) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = projectBase.toAbsolutePath().normalize();
        String shown = absolute.getRoot() != null && absolute.getRoot().equals(base.getRoot())
                ? base.relativize(absolute).toString()
                : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }

    /**
     * Loads the catalog.
     *
     * @throws io.github.eventcat.catalog.CatalogException when it is not valid
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public Catalog load() {
        return CatalogLoader.loadFrom(path);
    }
}
