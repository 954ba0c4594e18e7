package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.SchemaReference;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.avro.Schema;

/** Avro schema text as the registry holds it, and parsing of registered schemas with their references. */
final class AvroSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroSchemas() {}

    /**
     * The text to register or look up. Avro's compiler adds {@code "avro.java.string": "String"}
     * to generated classes' schemas; the catalog's {@code .avsc} files, which is what
     * {@code registry:sync} registers, do not have it, so by default it is removed to match.
     */
    static String registryText(Schema schema, boolean removeJavaProperties) {
        String text = schema.toString();
        if (!removeJavaProperties || !text.contains("\"avro.java.")) {
            return text;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            strip(tree);
            // Re-parsed, {"type":"string"} prints as "string" again, as in the .avsc file.
            return new Schema.Parser().parse(JSON.writeValueAsString(tree)).toString();
        } catch (IOException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON: " + e.getMessage(), e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getKey().startsWith("avro.java."));
            object.properties().forEach(field -> strip(field.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(AvroSchemas::strip);
        }
    }

    /** Parses a registered Avro schema, first parsing the schemas it references (depth first). */
    static Schema parse(SchemaRegistryClient client, SchemaDefinition definition) {
        Schema.Parser parser = new Schema.Parser();
        parseReferences(client, definition, parser, new LinkedHashSet<>());
        return parser.parse(definition.schema());
    }

    private static void parseReferences(
            SchemaRegistryClient client, SchemaDefinition definition, Schema.Parser parser, Set<String> seen) {
        for (SchemaReference reference : definition.references()) {
            if (!seen.add(reference.subject() + ":" + reference.version())) {
                continue;
            }
            RegisteredSchema referenced = client.version(reference.subject(), reference.version());
            parseReferences(client, referenced.definition(), parser, seen);
            if (!parser.getTypes().containsKey(reference.name())) {
                parser.parse(referenced.definition().schema());
            }
        }
    }
}
