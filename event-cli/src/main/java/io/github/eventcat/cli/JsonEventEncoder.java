package io.github.eventcat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.JsonInstanceValidator;
import io.github.eventcat.catalog.SchemaFile;
import java.util.List;

/**
 * Checks JSON events against the catalog's schema with the catalog's own {@link
 * JsonInstanceValidator} (formats asserted, {@code $ref}s to other files of the catalog resolved
 * from memory, nothing fetched), and sends them as written.
 */
final class JsonEventEncoder implements EventEncoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonInstanceValidator validator;

    JsonEventEncoder(Catalog catalog, SchemaFile file) {
        this.validator = JsonInstanceValidator.of(catalog, file);
    }

    @Override
    public List<DocumentProblem> check(JsonDocuments.JsonDocument document) {
        // The validator sorts by pointer, then message.
        return validator.validate(document.value()).stream()
                .map(v -> new DocumentProblem(document.index(), document.line(), 0, v.pointer(), v.rule(), v.message()))
                .toList();
    }

    @Override
    public byte[] encode(JsonNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree did not write: " + e.getMessage(), e);
        }
    }
}
