package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to document and where.
 *
 * @param catalog the loaded catalog
 * @param outputDirectory where the site goes; the generator owns the files it writes there
 *     ({@code index.html}, {@code topic-*.html}, {@code event-*.html}, {@code asyncapi.yaml},
 *     {@code catalog/}) and deletes those of them that are no longer part of the site
 * @param version the catalog's version, as {@code info.version} of the AsyncAPI document
 * @param baselinesOldestFirst earlier versions of the catalog: each event page shows its history
 *     across them (none: no history)
 */
public record DocsRequest(
        Catalog catalog, Path outputDirectory, String version, List<DocsBaseline> baselinesOldestFirst) {
    /** The version when a build tool does not give one. */
    public static final String DEFAULT_VERSION = "0.0.0";

    public DocsRequest {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        Objects.requireNonNull(version, "version == null");
        baselinesOldestFirst = List.copyOf(baselinesOldestFirst);
    }

    public DocsRequest(Catalog catalog, Path outputDirectory, String version) {
        this(catalog, outputDirectory, version, List.of());
    }

    public static DocsRequest of(Catalog catalog, Path outputDirectory) {
        return new DocsRequest(catalog, outputDirectory, DEFAULT_VERSION);
    }
}
