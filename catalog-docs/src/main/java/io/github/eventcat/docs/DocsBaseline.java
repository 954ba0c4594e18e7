package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import java.util.Objects;

/**
 * An earlier version of the catalog, for the event pages' history.
 *
 * @param label how the version is named, e.g. {@code 1.2.0}
 * @param catalog the catalog as that version had it
 */
public record DocsBaseline(String label, Catalog catalog) {
    public DocsBaseline {
        Objects.requireNonNull(label, "label == null");
        Objects.requireNonNull(catalog, "catalog == null");
    }
}
