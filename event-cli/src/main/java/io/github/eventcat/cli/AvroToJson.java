package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro generic data as the plain JSON {@link JsonToAvro} accepts, so that what {@code consume}
 * prints can be published again: unions unwrapped, decimals as numbers, timestamps as ISO-8601
 * instants, dates and times as ISO text, uuids as text, bytes as ISO-8859-1 text.
 */
final class AvroToJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private AvroToJson() {}

    static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        if (schema.getType() == Schema.Type.UNION) {
            int branch = GenericData.get().resolveUnion(schema, datum);
            return toJson(datum, schema.getTypes().get(branch));
        }
        LogicalType logical = schema.getLogicalType();
        if (logical != null) {
            JsonNode converted = logicalToJson(datum, schema, logical);
            if (converted != null) {
                return converted;
            }
        }
        return switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = (GenericRecord) datum;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), toJson(record.get(field.pos()), field.schema()));
                }
                yield object;
            }
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                ((Iterable<?>) datum).forEach(item -> array.add(toJson(item, schema.getElementType())));
                yield array;
            }
            case MAP -> {
                ObjectNode object = NODES.objectNode();
                ((Map<?, ?>) datum).forEach((k, v) -> object.set(k.toString(), toJson(v, schema.getValueType())));
                yield object;
            }
            case ENUM, STRING -> NODES.textNode(datum.toString());
            case BYTES -> NODES.textNode(latin1((ByteBuffer) datum));
            case FIXED -> NODES.textNode(new String(((GenericFixed) datum).bytes(), StandardCharsets.ISO_8859_1));
            case INT -> NODES.numberNode(((Number) datum).intValue());
            case LONG -> NODES.numberNode(((Number) datum).longValue());
            case FLOAT -> NODES.numberNode(((Number) datum).floatValue());
            case DOUBLE -> NODES.numberNode(((Number) datum).doubleValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case NULL, UNION -> NODES.nullNode();
        };
    }

    /** Null when the datum is not in a form this knows for the logical type: it is then shown raw. */
    private static JsonNode logicalToJson(Object datum, Schema schema, LogicalType logical) {
        switch (logical.getName()) {
            case "decimal": {
                BigDecimal decimal;
                if (datum instanceof BigDecimal already) {
                    decimal = already;
                } else if (datum instanceof ByteBuffer bytes) {
                    decimal = DECIMALS.fromBytes(bytes.duplicate(), schema, logical);
                } else if (datum instanceof GenericFixed fixed) {
                    decimal = DECIMALS.fromFixed(fixed, schema, logical);
                } else {
                    return null;
                }
                return NODES.numberNode(decimal);
            }
            case "uuid":
                return NODES.textNode(datum.toString());
            case "date":
                return datum instanceof Number days
                        ? NODES.textNode(LocalDate.ofEpochDay(days.longValue()).toString())
                        : NODES.textNode(datum.toString());
            case "time-millis":
                return datum instanceof Number ms
                        ? NODES.textNode(LocalTime.ofNanoOfDay(ms.longValue() * 1_000_000)
                                .toString())
                        : NODES.textNode(datum.toString());
            case "time-micros":
                return datum instanceof Number us
                        ? NODES.textNode(
                                LocalTime.ofNanoOfDay(us.longValue() * 1_000).toString())
                        : NODES.textNode(datum.toString());
            case "timestamp-millis",
                    "timestamp-micros",
                    "timestamp-nanos",
                    "local-timestamp-millis",
                    "local-timestamp-micros",
                    "local-timestamp-nanos": {
                if (!(datum instanceof Number number)) {
                    return NODES.textNode(datum.toString());
                }
                String name = logical.getName();
                ChronoUnit unit = name.endsWith("millis")
                        ? ChronoUnit.MILLIS
                        : name.endsWith("micros") ? ChronoUnit.MICROS : ChronoUnit.NANOS;
                Instant instant = Instant.EPOCH.plus(number.longValue(), unit);
                return NODES.textNode(
                        name.startsWith("local-")
                                ? instant.atOffset(ZoneOffset.UTC)
                                        .toLocalDateTime()
                                        .toString()
                                : instant.toString());
            }
            default:
                return null;
        }
    }

    private static String latin1(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
