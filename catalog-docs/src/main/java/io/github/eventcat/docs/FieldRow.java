package io.github.eventcat.docs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an event page's field table: a field at any depth.
 *
 * @param path dotted path from the event's root ({@code requester.email}); {@code []} marks array
 *     items and {@code {}} map values
 * @param depth how deep the field is nested (0: top level)
 * @param type the type as a reader sees it, with logical type or format
 * @param link where the type is described, when elsewhere: a page or an anchor, built by this
 *     module (never catalog text)
 * @param required whether every event carries the field
 * @param defaultValue the default as JSON text, when there is one
 * @param doc the field's documentation
 * @param symbols the allowed values of an enum
 */
record FieldRow(
        String path,
        int depth,
        String type,
        Optional<String> link,
        boolean required,
        Optional<String> defaultValue,
        String doc,
        List<String> symbols) {
    FieldRow {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(link, "link == null");
        Objects.requireNonNull(defaultValue, "defaultValue == null");
        Objects.requireNonNull(doc, "doc == null");
        symbols = List.copyOf(symbols);
    }
}
