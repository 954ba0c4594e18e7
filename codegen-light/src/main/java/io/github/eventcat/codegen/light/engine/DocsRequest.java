package io.github.eventcat.codegen.light.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code docs} (and the site report) is asked to do.
 *
 * @param catalog the catalog directory, or a catalog jar
 * @param catalogDescription how messages name it
 * @param outputDirectory where the site and asyncapi.yaml go
 * @param version the AsyncAPI document's info.version
 * @param baselines any number of the baseline parameters, for the event histories
 */
public record DocsRequest(
        Path catalog, String catalogDescription, Path outputDirectory, String version, Baselines baselines) {
    public DocsRequest {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(catalogDescription, "catalogDescription == null");
        Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        Objects.requireNonNull(baselines, "baselines == null");
    }
}
