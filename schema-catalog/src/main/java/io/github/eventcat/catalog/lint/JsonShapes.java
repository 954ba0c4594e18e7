package io.github.eventcat.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SourceDocument;
import io.github.eventcat.catalog.lint.Shapes.FieldType;
import io.github.eventcat.catalog.lint.Shapes.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects (schemas with {@code properties}) and string enums a JSON Schema file defines,
 * wherever they sit in it. A {@code $ref} is not followed: what it names is linted in its own
 * file or place.
 */
final class JsonShapes {
    private static final List<String> SUBSCHEMA_LISTS = List.of("oneOf", "anyOf", "allOf", "prefixItems");
    private static final List<String> SUBSCHEMA_MAPS =
            List.of("$defs", "definitions", "properties", "patternProperties");
    private static final List<String> SUBSCHEMAS =
            List.of("items", "additionalProperties", "not", "if", "then", "else", "contains", "unevaluatedProperties");

    private final SourceDocument document;
    private final List<Shapes.Record> records = new ArrayList<>();
    private final List<Shapes.Enum> enums = new ArrayList<>();

    private JsonShapes(SourceDocument document) {
        this.document = document;
    }

    static JsonShapes of(SourceDocument document) {
        JsonShapes shapes = new JsonShapes(document);
        shapes.walk(document.root(), "");
        return shapes;
    }

    List<Shapes.Record> records() {
        return records;
    }

    List<Shapes.Enum> enums() {
        return enums;
    }

    private void walk(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.path("properties").isObject()) {
            record(node, pointer);
        }
        JsonNode symbols = node.get("enum");
        if (symbols != null && symbols.isArray() && symbols.size() > 0) {
            List<String> texts = new ArrayList<>();
            symbols.forEach(s -> {
                if (s.isTextual()) {
                    texts.add(s.asText());
                }
            });
            String title = node.path("title").asText("");
            enums.add(new Shapes.Enum(
                    SchemaFormat.JSON,
                    title.isEmpty() ? "#" + pointer : title,
                    pointer,
                    document.locate(pointer + "/enum"),
                    texts,
                    false));
        }
        for (String key : SUBSCHEMA_LISTS) {
            JsonNode list = node.get(key);
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), pointer + "/" + key + "/" + i);
                }
            }
        }
        for (String key : SUBSCHEMA_MAPS) {
            JsonNode map = node.get(key);
            if (map != null && map.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    walk(entry.getValue(), pointer + "/" + key + "/" + SourceDocument.segment(entry.getKey()));
                }
            }
        }
        for (String key : SUBSCHEMAS) {
            walk(node.get(key), pointer + "/" + key);
        }
    }

    private void record(JsonNode node, String pointer) {
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<Shapes.Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String propertyPointer = pointer + "/properties/" + SourceDocument.segment(property.getKey());
            JsonNode value = property.getValue();
            fields.add(new Shapes.Field(
                    property.getKey(),
                    propertyPointer,
                    document.locateKey(propertyPointer),
                    value.path("description").isTextual()
                            && !value.path("description").asText().isBlank(),
                    required.contains(property.getKey()),
                    type(value)));
        }
        String title = node.path("title").asText("");
        boolean closed = isFalse(node.get("additionalProperties")) || isFalse(node.get("unevaluatedProperties"));
        String location = document.locate(node.has("title") ? pointer + "/title" : pointer);
        records.add(new Shapes.Record(
                SchemaFormat.JSON,
                title,
                title,
                pointer,
                location,
                node.path("description").isTextual()
                        && !node.path("description").asText().isBlank(),
                fields,
                Optional.of(closed)));
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.asBoolean();
    }

    static FieldType type(JsonNode property) {
        if (!property.isObject()) {
            return new FieldType(Kind.OTHER, "", false, property.toString());
        }
        if (property.has("$ref")) {
            return new FieldType(
                    Kind.REFERENCE, "", false, "$ref " + property.get("$ref").asText());
        }
        JsonNode type = property.get("type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        boolean nullable = types.remove("null");
        String format = property.path("format").asText("");
        String display =
                (type == null ? "(no type)" : type.toString()) + (format.isEmpty() ? "" : " (format " + format + ")");
        if (types.size() != 1) {
            return new FieldType(property.has("enum") ? Kind.ENUM : Kind.OTHER, format, nullable, display);
        }
        Kind kind =
                switch (types.get(0)) {
                    case "string" -> property.has("enum") ? Kind.ENUM : Kind.STRING;
                    case "integer" -> Kind.LONG;
                    case "number" -> Kind.NUMBER;
                    case "boolean" -> Kind.BOOLEAN;
                    case "object" -> Kind.RECORD;
                    case "array" -> Kind.ARRAY;
                    default -> Kind.OTHER;
                };
        return new FieldType(kind, format, nullable, display);
    }
}
