package io.github.eventcat.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SourceDocument;
import io.github.eventcat.catalog.lint.Shapes.FieldType;
import io.github.eventcat.catalog.lint.Shapes.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The records and enums an Avro file defines: its JSON walked beside the schema the catalog
 * parsed, so that each has a JSON pointer and types come from Avro (named types from other files
 * resolved by the catalog). A type written by name is defined, and linted, elsewhere.
 */
final class AvroShapes {
    private final SourceDocument document;
    private final List<Shapes.Record> records = new ArrayList<>();
    private final List<Shapes.Enum> enums = new ArrayList<>();

    private AvroShapes(SourceDocument document) {
        this.document = document;
    }

    static AvroShapes of(SourceDocument document, Schema schema) {
        AvroShapes shapes = new AvroShapes(document);
        shapes.walk(document.root(), schema, "");
        return shapes;
    }

    List<Shapes.Record> records() {
        return records;
    }

    List<Shapes.Enum> enums() {
        return enums;
    }

    private void walk(JsonNode json, Schema schema, String pointer) {
        if (json == null || json.isTextual()) {
            return;
        }
        if (json.isArray()) {
            for (int i = 0; i < json.size() && i < schema.getTypes().size(); i++) {
                walk(json.get(i), schema.getTypes().get(i), pointer + "/" + i);
            }
            return;
        }
        switch (schema.getType()) {
            case RECORD -> record(json, schema, pointer);
            case ENUM ->
                enums.add(new Shapes.Enum(
                        SchemaFormat.AVRO,
                        schema.getFullName(),
                        pointer,
                        document.locate(pointer + "/name"),
                        schema.getEnumSymbols(),
                        schema.getEnumDefault() != null));
            case ARRAY -> walk(json.get("items"), schema.getElementType(), pointer + "/items");
            case MAP -> walk(json.get("values"), schema.getValueType(), pointer + "/values");
            case UNION -> walk(json.get("type"), schema, pointer + "/type");
            default -> {}
        }
    }

    private void record(JsonNode json, Schema schema, String pointer) {
        List<Shapes.Field> fields = new ArrayList<>();
        JsonNode jsonFields = json.path("fields");
        for (Schema.Field field : schema.getFields()) {
            String fieldPointer = pointer + "/fields/" + field.pos();
            fields.add(new Shapes.Field(
                    field.name(),
                    fieldPointer,
                    document.locate(fieldPointer + "/name"),
                    field.doc() != null && !field.doc().isBlank(),
                    true,
                    type(field.schema())));
            walk(jsonFields.path(field.pos()).get("type"), field.schema(), fieldPointer + "/type");
        }
        records.add(new Shapes.Record(
                SchemaFormat.AVRO,
                schema.getName(),
                schema.getFullName(),
                pointer,
                document.locate(pointer + "/name"),
                schema.getDoc() != null && !schema.getDoc().isBlank(),
                fields,
                Optional.empty()));
    }

    static FieldType type(Schema schema) {
        boolean nullable = false;
        Schema single = schema;
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> nonNull = schema.getTypes().stream()
                    .filter(t -> t.getType() != Schema.Type.NULL)
                    .toList();
            nullable = nonNull.size() < schema.getTypes().size();
            if (nonNull.size() != 1) {
                return new FieldType(Kind.OTHER, "", nullable, display(schema));
            }
            single = nonNull.get(0);
        }
        String logical = single.getLogicalType() != null
                ? single.getLogicalType().getName()
                : single.getProp("logicalType") != null ? single.getProp("logicalType") : "";
        Kind kind =
                switch (single.getType()) {
                    case STRING -> Kind.STRING;
                    case INT -> Kind.INT;
                    case LONG -> Kind.LONG;
                    case FLOAT -> Kind.FLOAT;
                    case DOUBLE -> Kind.DOUBLE;
                    case BOOLEAN -> Kind.BOOLEAN;
                    case BYTES -> logical.equals("decimal") ? Kind.DECIMAL : Kind.BYTES;
                    case FIXED -> logical.equals("decimal") ? Kind.DECIMAL : Kind.FIXED;
                    case RECORD -> Kind.RECORD;
                    case ENUM -> Kind.ENUM;
                    case ARRAY -> Kind.ARRAY;
                    case MAP -> Kind.MAP;
                    default -> Kind.OTHER;
                };
        return new FieldType(kind, logical, nullable, display(schema));
    }

    private static String display(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().map(AvroShapes::display).toList().toString();
        }
        if (schema.getType() == Schema.Type.RECORD
                || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED) {
            return schema.getFullName();
        }
        String logical = schema.getProp("logicalType");
        return logical == null ? schema.getType().getName() : schema.getType().getName() + " (" + logical + ")";
    }
}
