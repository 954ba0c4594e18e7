package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import java.util.Objects;

/**
 * One run of the generator: a loaded (hence valid) catalog and how to generate its code.
 *
 * @param catalog the catalog, as {@link io.github.eventcat.catalog.CatalogLoader} loaded it
 * @param configuration output directory and code shape
 */
public record GenerationRequest(Catalog catalog, CodegenConfiguration configuration) {
    public GenerationRequest {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(configuration, "configuration == null");
    }
}
