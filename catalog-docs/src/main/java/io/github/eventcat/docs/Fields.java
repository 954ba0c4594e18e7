package io.github.eventcat.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** An event's fields, nested ones included, as the rows of its page's field table. */
final class Fields {
    /** Deeper nesting is cut: the catalog limits nesting anyway, and the page stays readable. */
    private static final int MAX_DEPTH = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogView view;
    private final Event event;
    private final List<FieldRow> rows = new ArrayList<>();

    private Fields(CatalogView view, Event event) {
        this.view = view;
        this.event = event;
    }

    static List<FieldRow> of(CatalogView view, Event event) {
        Fields fields = new Fields(view, event);
        if (event.format() == SchemaFormat.AVRO) {
            fields.avroRecord(view.avroRecord(event), "", 0, new HashSet<>());
        } else {
            SchemaFile file = event.schemaFile();
            fields.jsonObject(file, view.json(file), "", 0, new HashSet<>());
        }
        return List.copyOf(fields.rows);
    }

    // ---- Avro

    private void avroRecord(Schema record, String prefix, int depth, Set<String> open) {
        if (depth > MAX_DEPTH || !open.add(record.getFullName())) {
            return; // a recursive type: its fields are already listed above
        }
        for (Schema.Field field : record.getFields()) {
            Schema schema = field.schema();
            boolean nullable = schema.isNullable();
            String path = prefix + field.name();
            List<String> symbols = List.of();
            Schema inner = nonNull(schema);
            if (inner.getType() == Schema.Type.ENUM) {
                symbols = inner.getEnumSymbols();
            }
            rows.add(new FieldRow(
                    path,
                    depth,
                    avroType(schema),
                    avroLink(inner),
                    !nullable && !field.hasDefaultValue(),
                    avroDefault(field),
                    field.doc() == null ? "" : field.doc(),
                    symbols));
            avroDescend(inner, path, depth, open);
        }
        open.remove(record.getFullName());
    }

    private void avroDescend(Schema schema, String path, int depth, Set<String> open) {
        switch (schema.getType()) {
            case RECORD -> avroRecord(schema, path + ".", depth + 1, open);
            case ARRAY -> avroDescend(nonNull(schema.getElementType()), path + "[]", depth, open);
            case MAP -> avroDescend(nonNull(schema.getValueType()), path + "{}", depth, open);
            default -> {}
        }
    }

    private Optional<String> avroLink(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> view.avroTypeLink(event, schema.getFullName());
            case ARRAY -> avroLink(nonNull(schema.getElementType()));
            case MAP -> avroLink(nonNull(schema.getValueType()));
            default -> Optional.empty();
        };
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> others = schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .toList();
        return others.size() == 1 ? others.get(0) : schema;
    }

    static String avroType(Schema schema) {
        String logical = logical(schema.getLogicalType());
        return switch (schema.getType()) {
            case RECORD -> "record " + schema.getName();
            case ENUM -> "enum " + schema.getName();
            case FIXED -> "fixed " + schema.getName() + "(" + schema.getFixedSize() + ")" + logical;
            case ARRAY -> "array<" + avroType(schema.getElementType()) + ">";
            case MAP -> "map<string, " + avroType(schema.getValueType()) + ">";
            case UNION ->
                String.join(
                        " | ", schema.getTypes().stream().map(Fields::avroType).toList());
            default -> schema.getType().getName() + logical;
        };
    }

    private static String logical(LogicalType type) {
        if (type == null) {
            return "";
        }
        if (type instanceof LogicalTypes.Decimal decimal) {
            return " (decimal(" + decimal.getPrecision() + ", " + decimal.getScale() + "))";
        }
        return " (" + type.getName() + ")";
    }

    private static Optional<String> avroDefault(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return Optional.empty();
        }
        Object value = field.defaultVal();
        if (value == JsonProperties.NULL_VALUE) {
            return Optional.of("null");
        }
        return Optional.of(json(value));
    }

    // ---- JSON Schema

    private void jsonObject(SchemaFile file, JsonNode schema, String prefix, int depth, Set<String> open) {
        Optional<CatalogView.JsonTarget> target = follow(file, schema);
        if (target.isEmpty() || depth > MAX_DEPTH) {
            return;
        }
        file = target.get().file();
        schema = target.get().node();
        String key = file.path() + "#" + System.identityHashCode(schema);
        if (!open.add(key)) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix + property.getKey();
            JsonNode declared = property.getValue();
            Optional<CatalogView.JsonTarget> resolved = follow(file, declared);
            JsonNode node = resolved.map(CatalogView.JsonTarget::node).orElse(declared);
            List<String> symbols = new ArrayList<>();
            node.path("enum").forEach(v -> symbols.add(v.isTextual() ? v.asText() : v.toString()));
            String doc = text(declared, "description")
                    .or(() -> text(node, "description"))
                    .orElse("");
            Optional<String> defaultValue = Optional.ofNullable(declared.get("default"))
                    .or(() -> Optional.ofNullable(node.get("default")))
                    .map(JsonNode::toString);
            rows.add(new FieldRow(
                    path,
                    depth,
                    jsonType(file, declared),
                    jsonLink(file, declared),
                    required.contains(property.getKey()),
                    defaultValue,
                    doc,
                    symbols));
            jsonDescend(file, declared, path, depth, open);
        }
        open.remove(key);
    }

    private void jsonDescend(SchemaFile file, JsonNode schema, String path, int depth, Set<String> open) {
        Optional<CatalogView.JsonTarget> target = follow(file, schema);
        if (target.isEmpty()) {
            return;
        }
        JsonNode node = target.get().node();
        if (node.has("properties")) {
            jsonObject(target.get().file(), node, path + ".", depth + 1, open);
        } else if (node.path("items").isObject()) {
            jsonDescend(target.get().file(), node.get("items"), path + "[]", depth, open);
        }
    }

    /** Follows {@code $ref}s (a chain of them, too) to the schema they name. */
    private Optional<CatalogView.JsonTarget> follow(SchemaFile file, JsonNode schema) {
        CatalogView.JsonTarget current = new CatalogView.JsonTarget(file, schema);
        for (int hops = 0; hops < MAX_DEPTH && current.node().path("$ref").isTextual(); hops++) {
            Optional<CatalogView.JsonTarget> next =
                    view.jsonRef(current.file(), current.node().get("$ref").asText());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    String jsonType(SchemaFile file, JsonNode declared) {
        if (declared.path("$ref").isTextual()) {
            Optional<CatalogView.JsonTarget> target = follow(file, declared);
            String name = target.flatMap(t -> text(t.node(), "title"))
                    .orElse(declared.get("$ref").asText());
            String type = target.map(t -> plainJsonType(t.file(), t.node())).orElse("");
            return type.isEmpty() ? name : name + " — " + type;
        }
        return plainJsonType(file, declared);
    }

    private String plainJsonType(SchemaFile file, JsonNode schema) {
        StringBuilder type = new StringBuilder();
        JsonNode declared = schema.get("type");
        if (declared != null && declared.isArray()) {
            List<String> names = new ArrayList<>();
            declared.forEach(t -> names.add(t.asText()));
            type.append(String.join(" | ", names));
        } else if (declared != null) {
            type.append(declared.asText());
        } else if (schema.has("const")) {
            type.append("const ").append(schema.get("const"));
        } else if (schema.has("enum")) {
            type.append("enum");
        } else if (schema.has("properties")) {
            type.append("object");
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combinator).isArray()) {
                List<String> alternatives = new ArrayList<>();
                schema.get(combinator).forEach(s -> alternatives.add(jsonType(file, s)));
                type.append(type.length() == 0 ? "" : " ")
                        .append(combinator)
                        .append('(')
                        .append(String.join(" | ", alternatives))
                        .append(')');
            }
        }
        if (schema.path("items").isObject()) {
            String items = jsonType(file, schema.get("items"));
            type.setLength(0);
            type.append("array<").append(items).append('>');
        }
        text(schema, "format")
                .ifPresent(format -> type.append(" (").append(format).append(')'));
        return type.toString();
    }

    private Optional<String> jsonLink(SchemaFile file, JsonNode declared) {
        JsonNode schema = declared.path("items").isObject() ? declared.get("items") : declared;
        if (!schema.path("$ref").isTextual()) {
            return Optional.empty();
        }
        return view.jsonRef(file, schema.get("$ref").asText())
                .map(CatalogView.JsonTarget::file)
                .filter(target -> !target.path().equals(event.schemaFile().path()))
                .map(target -> view.eventOfFile(target.path())
                        .map(CatalogView::eventPage)
                        .orElse("#" + CatalogView.sourceAnchor(target.path())));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
