package io.github.eventcat.catalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcat.catalog.SchemaGraph;
import java.util.Map;
import java.util.Set;

/**
 * Puts a JSON Schema and the documents its {@code $ref}s point to into one document, every
 * reference rewritten to a local JSON pointer, so that the compatibility rules never fetch
 * anything and compare referenced definitions like inline ones.
 */
final class JsonSchemaBundle {
    /** Where referenced documents go in the bundle: a keyword no validator interprets. */
    static final String CONTAINER = "x-eventcat-references";

    private static final Set<String> OLD_DRAFTS = Set.of(
            "http://json-schema.org/draft-04/schema",
            "http://json-schema.org/draft-06/schema",
            "http://json-schema.org/draft-07/schema");

    private JsonSchemaBundle() {}

    static JsonNode bundle(JsonNode root, Map<String, JsonNode> references) {
        if (!root.isObject()) {
            return root;
        }
        ObjectNode bundle = (ObjectNode) rewrite(root.deepCopy(), null, references);
        bundle.remove("$id");
        String draft = bundle.path("$schema").asText("").replaceAll("#$", "");
        if (!OLD_DRAFTS.contains(draft)) {
            // The rules implement draft-07 keywords; 2019-09/2020-12 documents are read as draft-07
            // ($defs resolve as plain JSON pointers, later-draft-only keywords are not compared).
            bundle.put("$schema", "http://json-schema.org/draft-07/schema#");
        }
        if (!references.isEmpty()) {
            ObjectNode container = bundle.putObject(CONTAINER);
            references.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                JsonNode document = rewrite(entry.getValue().deepCopy(), entry.getKey(), references);
                if (document.isObject()) {
                    ((ObjectNode) document).remove("$id");
                    ((ObjectNode) document).remove("$schema");
                }
                container.set(entry.getKey(), document);
            });
        }
        return bundle;
    }

    /** Rewrites every {@code $ref} in {@code node}, which belongs to document {@code owner} (null: root). */
    private static JsonNode rewrite(JsonNode node, String owner, Map<String, JsonNode> references) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.set("$ref", TextNode.valueOf(localRef(ref.asText(), owner, references)));
            }
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    rewrite(field.getValue(), owner, references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> rewrite(element, owner, references));
        }
        return node;
    }

    private static String localRef(String ref, String owner, Map<String, JsonNode> references) {
        SchemaGraph.Ref written = SchemaGraph.Ref.parse(ref);
        if (written.document().isEmpty()) {
            return owner == null ? ref : pointerTo(owner) + written.fragment();
        }
        return references.containsKey(written.document()) ? pointerTo(written.document()) + written.fragment() : ref;
    }

    private static String pointerTo(String document) {
        return "#/" + CONTAINER + "/" + document.replace("~", "~0").replace("/", "~1");
    }
}
