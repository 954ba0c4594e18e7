package io.github.eventcat.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.util.Utf8;

/**
 * An example payload of each event, made from its schema alone: fixed, plausible values (no
 * clock, no randomness: the site is deterministic). Avro events are shown in Avro's JSON encoding
 * (what Avro's JSON decoder reads), JSON Schema events as the JSON they are.
 */
final class Examples {
    private static final int MAX_DEPTH = 12;
    static final String UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    /** 2026-01-01T09:30:00Z. */
    private static final long EPOCH_MILLIS = 1_767_259_800_000L;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Examples() {}

    static String of(CatalogView view, Event event) {
        if (event.format() == SchemaFormat.AVRO) {
            return avro(view.avroRecord(event));
        }
        try {
            return JSON.writeValueAsString(
                    new JsonExample(view).value(event.schemaFile(), view.json(event.schemaFile()), "", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Avro

    static String avro(Schema schema) {
        Object value = avroValue(schema, "", 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out, true);
            new GenericDatumWriter<Object>(schema).write(value, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Object avroValue(Schema schema, String name, int depth) {
        LogicalType logical = schema.getLogicalType();
        String logicalName = logical == null ? "" : logical.getName();
        return switch (schema.getType()) {
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), avroValue(field.schema(), field.name(), depth + 1));
                }
                yield record;
            }
            case ENUM ->
                new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case ARRAY -> {
                GenericData.Array<Object> array = new GenericData.Array<>(1, schema);
                if (depth < MAX_DEPTH) {
                    array.add(avroValue(schema.getElementType(), name, depth + 1));
                }
                yield array;
            }
            case MAP ->
                depth < MAX_DEPTH
                        ? Map.of(new Utf8("key"), avroValue(schema.getValueType(), name, depth + 1))
                        : Map.of();
            case UNION -> {
                // The first non-null branch shows more than null, unless nesting must end here.
                Schema branch = schema.getTypes().stream()
                        .filter(s -> s.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElse(schema.getTypes().get(0));
                if (depth >= MAX_DEPTH && schema.isNullable()) {
                    yield null;
                }
                yield avroValue(branch, name, depth);
            }
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case STRING -> logicalName.equals("uuid") ? UUID : exampleText(name);
            case BYTES -> {
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    BigDecimal value = new BigDecimal(BigInteger.valueOf(12_345), 2)
                            .setScale(decimal.getScale(), java.math.RoundingMode.HALF_UP);
                    if (value.precision() > decimal.getPrecision()) {
                        value = BigDecimal.ONE.setScale(decimal.getScale());
                    }
                    yield new Conversions.DecimalConversion().toBytes(value, schema, logical);
                }
                yield ByteBuffer.wrap(exampleText(name).getBytes(StandardCharsets.UTF_8));
            }
            case INT ->
                switch (logicalName) {
                    case "date" -> (int) (EPOCH_MILLIS / 86_400_000L);
                    case "time-millis" -> 34_200_000;
                    default -> 42;
                };
            case LONG ->
                switch (logicalName) {
                    case "timestamp-millis", "local-timestamp-millis" -> EPOCH_MILLIS;
                    case "timestamp-micros", "local-timestamp-micros" -> EPOCH_MILLIS * 1_000;
                    case "timestamp-nanos", "local-timestamp-nanos" -> EPOCH_MILLIS * 1_000_000;
                    case "time-micros" -> 34_200_000_000L;
                    default -> 42L;
                };
            case FLOAT -> 1.5f;
            case DOUBLE -> 1.5d;
            case BOOLEAN -> true;
            case NULL -> null;
        };
    }

    private static String exampleText(String name) {
        return name.isEmpty() ? "text" : "example " + name;
    }

    // ---- JSON Schema

    private static final class JsonExample {
        private final CatalogView view;
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;

        JsonExample(CatalogView view) {
            this.view = view;
        }

        JsonNode value(SchemaFile file, JsonNode schema, String name, int depth) {
            for (int hops = 0; schema.path("$ref").isTextual() && hops < MAX_DEPTH; hops++) {
                Optional<CatalogView.JsonTarget> target =
                        view.jsonRef(file, schema.get("$ref").asText());
                if (target.isEmpty()) {
                    return NullNode.getInstance();
                }
                file = target.get().file();
                schema = target.get().node();
            }
            if (schema.has("const")) {
                return schema.get("const");
            }
            if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
                return schema.get("enum").get(0);
            }
            for (String combinator : List.of("oneOf", "anyOf")) {
                if (schema.path(combinator).isArray() && !schema.get(combinator).isEmpty()) {
                    return value(file, schema.get(combinator).get(0), name, depth + 1);
                }
            }
            if (schema.path("allOf").isArray()) {
                ObjectNode merged = nodes.objectNode();
                for (JsonNode part : schema.get("allOf")) {
                    JsonNode value = value(file, part, name, depth + 1);
                    if (value.isObject()) {
                        merged.setAll((ObjectNode) value);
                    }
                }
                if (schema.has("properties")) {
                    merged.setAll((ObjectNode) object(file, schema, depth));
                }
                return merged;
            }
            return switch (type(schema)) {
                case "object" -> object(file, schema, depth);
                case "array" -> array(file, schema, name, depth);
                case "string" -> nodes.textNode(string(schema, name));
                case "integer" -> nodes.numberNode(integer(schema));
                case "number" -> nodes.numberNode(number(schema));
                case "boolean" -> nodes.booleanNode(true);
                case "null" -> NullNode.getInstance();
                default -> nodes.textNode(string(schema, name));
            };
        }

        private String type(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
                return "null";
            }
            if (type != null) {
                return type.asText();
            }
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }

        private JsonNode object(SchemaFile file, JsonNode schema, int depth) {
            ObjectNode object = nodes.objectNode();
            if (depth >= MAX_DEPTH) {
                return object;
            }
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                object.set(property.getKey(), value(file, property.getValue(), property.getKey(), depth + 1));
            }
            return object;
        }

        private JsonNode array(SchemaFile file, JsonNode schema, String name, int depth) {
            ArrayNode array = nodes.arrayNode();
            JsonNode items = schema.get("items");
            if (items == null || !items.isObject() || depth >= MAX_DEPTH) {
                return array;
            }
            int count = Math.max(1, schema.path("minItems").asInt(1));
            List<JsonNode> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(value(file, items, name, depth + 1));
            }
            array.addAll(values);
            return array;
        }

        private String string(JsonNode schema, String name) {
            String value =
                    switch (schema.path("format").asText("")) {
                        case "date-time" -> "2026-01-01T09:30:00Z";
                        case "date" -> "2026-01-01";
                        case "time" -> "09:30:00Z";
                        case "duration" -> "PT1H";
                        case "uuid" -> UUID;
                        case "email", "idn-email" -> "someone@example.com";
                        case "uri", "iri", "uri-reference", "iri-reference" -> "https://example.com/";
                        case "hostname", "idn-hostname" -> "example.com";
                        case "ipv4" -> "192.0.2.1";
                        case "ipv6" -> "2001:db8::1";
                        default -> exampleText(name);
                    };
            int min = schema.path("minLength").asInt(0);
            int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
            StringBuilder text = new StringBuilder(value);
            while (text.length() < min) {
                text.append('x');
            }
            return text.length() > max ? text.substring(0, max) : text.toString();
        }

        private long integer(JsonNode schema) {
            long value = 1;
            if (schema.path("minimum").isNumber()) {
                value = (long) Math.ceil(schema.get("minimum").asDouble());
            }
            if (schema.path("exclusiveMinimum").isNumber()) {
                value = (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
            }
            if (schema.path("multipleOf").isIntegralNumber()) {
                long step = schema.get("multipleOf").asLong();
                value = step == 0 ? value : ((value + step - 1) / step) * step;
            }
            if (schema.path("maximum").isNumber()
                    && value > schema.get("maximum").asDouble()) {
                value = (long) Math.floor(schema.get("maximum").asDouble());
            }
            return value;
        }

        private BigDecimal number(JsonNode schema) {
            if (schema.path("multipleOf").isNumber()) {
                return schema.get("multipleOf")
                        .decimalValue()
                        .multiply(BigDecimal.valueOf(Math.max(1, integer(schema))));
            }
            BigDecimal value = new BigDecimal("1.5");
            if (schema.path("minimum").isNumber()
                    && value.compareTo(schema.get("minimum").decimalValue()) < 0) {
                value = schema.get("minimum").decimalValue();
            }
            if (schema.path("maximum").isNumber()
                    && value.compareTo(schema.get("maximum").decimalValue()) > 0) {
                value = schema.get("maximum").decimalValue();
            }
            return value;
        }
    }
}
