package io.github.eventcat.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files under a catalog root, addressed by catalog-relative paths with {@code /}. Works on the
 * default file system and inside a zip/jar file system alike, which is why it never turns a path
 * into a {@code java.io.File}.
 */
final class CatalogFiles {
  private final Path root;
  private final Map<String, Optional<String>> texts = new HashMap<>();

  CatalogFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /**
   * Resolves a path written in the catalog (relative to {@code base}, a catalog-relative directory
   * or "" for the root) to a normalized catalog-relative path, or empty if it leaves the root.
   */
  Optional<String> resolve(String base, String written) {
    if (written.isEmpty() || written.startsWith("/") || written.contains("\\")
        || written.matches("^[A-Za-z]:.*")) {
      return Optional.empty();
    }
    Path resolved = (base.isEmpty() ? root : root.resolve(base)).resolve(written).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      return Optional.empty();
    }
    return Optional.of(relative(resolved));
  }

  /** The catalog-relative directory holding a file, "" for the root. */
  static String directoryOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  boolean isRegularFile(String path) {
    return Files.isRegularFile(root.resolve(path));
  }

  /** The UTF-8 text of a file; empty (after reporting) when it cannot be read. */
  Optional<String> read(String path, Problems problems) {
    return texts.computeIfAbsent(
        path,
        p -> {
          try {
            return Optional.of(
                new String(Files.readAllBytes(root.resolve(p)), StandardCharsets.UTF_8));
          } catch (IOException e) {
            problems.add(p, "", "cannot read the file: " + e);
            return Optional.empty();
          }
        });
  }

  /** Every file under the root whose name ends with the extension, sorted by path. */
  List<String> listByExtension(String extension) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(extension))
          .forEach(p -> paths.add(relative(p)));
    }
    paths.sort(null);
    return paths;
  }

  private String relative(Path path) {
    List<String> names = new ArrayList<>();
    for (Path name : root.relativize(path)) {
      names.add(name.toString());
    }
    return String.join("/", names);
  }
}
