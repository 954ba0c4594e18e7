package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test catalogs under src/test/resources/catalogs. */
final class Fixtures {
    private Fixtures() {}

    static Path catalogDirectory(String name) {
        try {
            return Path.of(Fixtures.class
                            .getResource("/catalogs/" + name + "/catalog.yaml")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Catalog catalog(String name) {
        return CatalogLoader.load(catalogDirectory(name));
    }

    /** A writable copy of a test catalog, for tests that change schemas. */
    static Path copy(String name, Path target) {
        Path source = catalogDirectory(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String resource) {
        try {
            return Files.readString(Path.of(Fixtures.class.getResource(resource).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
