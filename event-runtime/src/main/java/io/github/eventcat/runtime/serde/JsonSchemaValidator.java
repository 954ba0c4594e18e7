package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled JSON Schema (draft-07 or 2020-12, by its {@code $schema}; 2020-12 when absent), formats
 * asserted. {@code $ref}s to other files resolve to the texts given with it ({@link JsonSchemaDocuments}).
 */
final class JsonSchemaValidator {
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private final JsonSchema schema;

    JsonSchemaValidator(String schemaText) {
        this(new JsonSchemaDocuments(schemaText, Map.of()));
    }

    JsonSchemaValidator(JsonSchemaDocuments documents) {
        JsonNode node = documents.tree("");
        SpecVersion.VersionFlag version =
                SpecVersionDetector.detectOptionalVersion(node, false).orElse(SpecVersion.VersionFlag.V202012);
        Map<String, String> referenced = documents.textsByUri();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                version, builder -> builder.schemaLoaders(loaders -> loaders.schemas(referenced)));
        // Placed at an absolute URI: relative $refs resolve against it (else "URI is not absolute").
        this.schema = factory.getSchema(documents.uri(""), node, CONFIG);
    }

    /** Every violation, sorted by location; empty when valid. */
    List<JsonValidationException.Violation> validate(JsonNode instance) {
        Set<ValidationMessage> messages = schema.validate(instance);
        List<JsonValidationException.Violation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            String pointer = message.getInstanceLocation().toString();
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + message.getProperty(); // point at the missing field itself
            }
            violations.add(new JsonValidationException.Violation(pointer, message.getType(), message.getMessage()));
        }
        violations.sort(Comparator.comparing(JsonValidationException.Violation::pointer)
                .thenComparing(JsonValidationException.Violation::rule));
        return violations;
    }
}
