package io.github.eventcat.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An example payload of an event, listed in the manifest ({@code examples:} of an event entry) and
 * checked by the loader against the schema it is written for.
 *
 * @param path catalog-relative, with {@code /} separators, e.g. {@code examples/ticket_opened.json}
 * @param schemaFile the catalog-relative path of the schema the example is written in: the file
 *     listed with it, which is also the schema of the event's value subject (under TOPIC naming
 *     with a union, the union: the example then names its branch, {@code {"com.example.X": {…}}})
 * @param format the schema language, which decides the encoding: for Avro, Avro's JSON encoding
 *     (unions as {@code {"string": "x"}}, every field written, bytes and decimals as strings); for
 *     JSON Schema, the JSON document itself
 * @param text the exact content of the file
 */
public record Example(String path, String schemaFile, SchemaFormat format, String text) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Example {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(schemaFile, "schemaFile == null");
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(text, "text == null");
    }

    /** The example parsed (a new tree each time: changing it changes nothing in the catalog). */
    public JsonNode value() {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The loader parsed the same text already: this cannot happen for a loaded catalog.
            throw new UncheckedIOException("example " + path + " is not JSON", e);
        }
    }
}
