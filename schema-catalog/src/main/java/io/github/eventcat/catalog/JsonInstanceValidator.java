package io.github.eventcat.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates JSON documents (event examples) against a JSON Schema file of a catalog with the
 * networknt validator, formats ({@code uuid}, {@code date-time}, {@code email}) asserted. Every
 * JSON Schema file is served from memory under a base IRI no fetch can reach, so {@code $ref}s to
 * other files resolve as they do on disk and nothing is ever loaded from the network.
 */
public final class JsonInstanceValidator {
    /**
     * One violation: the JSON pointer into the document, the keyword that failed ({@code required},
     * {@code format}, {@code enum}, ...) and the validator's message.
     */
    public record Violation(String pointer, String rule, String message) {}

    private static final String BASE = "urn:eventcat:catalog:/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private final JsonSchema schema;

    /**
     * @param jsonSchemaTexts the text of every JSON Schema file, at least those {@code path}
     *     references, by catalog-relative path
     * @param path the file to validate against
     * @param fragment a JSON pointer into it ({@code /oneOf/0}), or "" for the whole schema
     */
    JsonInstanceValidator(Map<String, String> jsonSchemaTexts, String path, String fragment) {
        Map<String, String> byIri = new HashMap<>();
        jsonSchemaTexts.forEach((file, text) -> byIri.put(BASE + file, text));
        String text = Objects.requireNonNull(jsonSchemaTexts.get(path), () -> path + " is not given");
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + " is not JSON: " + e.getOriginalMessage(), e);
        }
        SpecVersion.VersionFlag version =
                SpecVersionDetector.detectOptionalVersion(root, false).orElse(SpecVersion.VersionFlag.V202012);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                version, builder -> builder.schemaLoaders(loaders -> loaders.schemas(byIri)));
        this.schema =
                factory.getSchema(SchemaLocation.of(BASE + path + (fragment.isEmpty() ? "" : "#" + fragment)), CONFIG);
        this.schema.initializeValidators(); // resolve every $ref now, not on the first document
    }

    /** Validates against a JSON Schema file of a loaded catalog. */
    public static JsonInstanceValidator of(Catalog catalog, SchemaFile file) {
        if (file.format() != SchemaFormat.JSON) {
            throw new IllegalArgumentException(file.path() + " is not a JSON Schema");
        }
        Map<String, String> texts = new HashMap<>();
        catalog.schemaFiles().stream()
                .filter(f -> f.format() == SchemaFormat.JSON)
                .forEach(f -> texts.put(f.path(), f.text()));
        return new JsonInstanceValidator(texts, file.path(), "");
    }

    /** Every violation, sorted by pointer; empty when the document is valid. */
    public List<Violation> validate(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            String pointer = message.getInstanceLocation().toString();
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + message.getProperty(); // the missing member itself
            }
            String text = message.getMessage();
            String prefix = message.getInstanceLocation() + ": ";
            violations.add(new Violation(
                    pointer, message.getType(), text.startsWith(prefix) ? text.substring(prefix.length()) : text));
        }
        violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        return violations;
    }
}
