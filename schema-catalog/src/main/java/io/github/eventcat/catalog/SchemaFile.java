package io.github.eventcat.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A schema file of the catalog.
 *
 * @param path catalog-relative, with {@code /} separators
 * @param format Avro or JSON Schema, from the file extension
 * @param text the exact content, as registered
 * @param references the schemas this one uses directly, sorted by name
 */
public record SchemaFile(String path, SchemaFormat format, String text, List<FileReference> references) {
    public SchemaFile {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(text, "text == null");
        references = List.copyOf(references);
    }
}
