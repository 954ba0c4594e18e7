package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a catalog is read from: a catalog directory, a catalog jar (a released catalog
 * artifact), or the output directory of a catalog module built in the same reactor (Maven hands
 * out {@code target/classes} for a sibling module that is not packaged yet).
 *
 * @param path the directory or jar
 * @param description how to name it in the build log: a path, or the artifact's coordinates
 */
record CatalogLocation(Path path, String description) {
  CatalogLocation {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(description, "description == null");
  }

  static CatalogLocation directory(Path directory, Path projectBase) {
    Path shown = directory.startsWith(projectBase) ? projectBase.relativize(directory) : directory;
    return new CatalogLocation(directory, shown.toString().isEmpty() ? "." : shown.toString());
  }

  /**
   * Loads the catalog.
   *
   * @throws io.github.eventcat.catalog.CatalogException when it is not valid
   * @throws java.io.UncheckedIOException when it cannot be read
   */
  Catalog load() {
    if (Files.isRegularFile(path)) {
      return CatalogLoader.loadFromJar(path);
    }
    Path packaged = path.resolve(CatalogLoader.JAR_CATALOG_DIRECTORY);
    return CatalogLoader.load(Files.isDirectory(packaged) ? packaged : path);
  }
}
