package io.github.eventcat.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON documents of an input: one or many, one after the other (one per line is the usual
 * form, but a pretty-printed document may span lines). A syntax error ends the reading: after it
 * there is no telling where the next document starts.
 *
 * @param documents the documents read, in input order
 * @param syntaxError the syntax error that stopped the reading, if any
 */
record JsonDocuments(List<JsonDocument> documents, Optional<DocumentProblem> syntaxError) {
    /** A document and the line it starts on (1-based). */
    record JsonDocument(int index, int line, JsonNode value) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    JsonDocuments {
        documents = List.copyOf(documents);
    }

    static JsonDocuments read(String text) {
        List<JsonDocument> documents = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                    if (token == null) {
                        return new JsonDocuments(documents, Optional.empty());
                    }
                    int line = parser.currentTokenLocation().getLineNr();
                    JsonNode value = JSON.readTree(parser);
                    documents.add(new JsonDocument(documents.size() + 1, line, value));
                } catch (JsonProcessingException e) {
                    JsonLocation location = e.getLocation();
                    return new JsonDocuments(
                            documents,
                            Optional.of(DocumentProblem.syntax(
                                    documents.size() + 1,
                                    location == null ? 0 : location.getLineNr(),
                                    location == null ? 0 : location.getColumnNr(),
                                    e.getOriginalMessage() + " — the input must be JSON documents, one per line")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed: " + e.getMessage(), e);
        }
    }
}
