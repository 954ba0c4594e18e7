package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Path;

/** The project's example catalog (generated-example/src/main/catalog), shared by every module. */
final class ExampleCatalog {
    private ExampleCatalog() {}

    static Path directory() {
        String configured = System.getProperty("example.catalog");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("../generated-example/src/main/catalog");
    }

    static Catalog load() {
        return CatalogLoader.load(directory());
    }
}
