package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Converts plain JSON, as people write it, into Avro's generic data for a schema. More tolerant
 * than Avro's own JSON decoder, which wants unions wrapped ({@code {"string": "x"}}) and decimals
 * as byte strings:
 *
 * <ul>
 *   <li>union: a plain value (the first branch it fits), or Avro's wrapped form; {@code null} for a null branch;
 *   <li>{@code decimal}: a JSON number or numeric string, at most the schema's scale and precision;
 *   <li>{@code timestamp-*} / {@code local-timestamp-*}: ISO-8601 text ({@code 2024-05-01T10:15:30Z}) or epoch number;
 *   <li>{@code date}: {@code 2024-05-01} or days since epoch; {@code time-*}: {@code 10:15:30.250} or a number;
 *   <li>{@code uuid}: canonical UUID text; enums: the symbol; bytes/fixed: ISO-8859-1 text (as Avro's JSON);
 *   <li>a missing field takes its default; a field the schema lacks is an error.
 * </ul>
 *
 * Every problem is collected with the JSON pointer of the field and the rule broken.
 */
final class JsonToAvro {
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    /** A value that does not fit, found while converting. */
    record Problem(String pointer, String rule, String message) {}

    private final List<Problem> problems = new ArrayList<>();

    private JsonToAvro() {}

    /** The converted datum and every problem; the datum is meaningless when there are problems. */
    record Result(Object datum, List<Problem> problems) {}

    static Result convert(JsonNode value, Schema schema) {
        JsonToAvro converter = new JsonToAvro();
        Object datum = converter.value(value, schema, "");
        return new Result(datum, List.copyOf(converter.problems));
    }

    private Object fail(String pointer, String rule, String message) {
        problems.add(new Problem(pointer, rule, message));
        return null;
    }

    private Object value(JsonNode node, Schema schema, String pointer) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null && !node.isNull()) {
            return logicalValue(node, schema, logical, pointer);
        }
        return switch (schema.getType()) {
            case RECORD -> record(node, schema, pointer);
            case UNION -> union(node, schema, pointer);
            case ENUM -> {
                if (!node.isTextual() || !schema.getEnumSymbols().contains(node.asText())) {
                    yield fail(pointer, "enum", "must be one of " + schema.getEnumSymbols() + ", not " + node);
                }
                yield new GenericData.EnumSymbol(schema, node.asText());
            }
            case ARRAY -> {
                if (!node.isArray()) {
                    yield fail(pointer, "type", "must be an array, not " + kind(node));
                }
                List<Object> items = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    items.add(value(node.get(i), schema.getElementType(), pointer + "/" + i));
                }
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                if (!node.isObject()) {
                    yield fail(pointer, "type", "must be an object (an Avro map), not " + kind(node));
                }
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields()
                        .forEachRemaining(e -> map.put(
                                e.getKey(),
                                value(e.getValue(), schema.getValueType(), pointer + "/" + escape(e.getKey()))));
                yield map;
            }
            case STRING ->
                node.isTextual() ? node.asText() : fail(pointer, "type", "must be a string, not " + kind(node));
            case BYTES ->
                node.isTextual()
                        ? ByteBuffer.wrap(node.asText().getBytes(StandardCharsets.ISO_8859_1))
                        : fail(
                                pointer,
                                "type",
                                "must be a string of bytes (ISO-8859-1 code points), not " + kind(node));
            case FIXED -> {
                if (!node.isTextual() || node.asText().length() != schema.getFixedSize()) {
                    yield fail(
                            pointer,
                            "type",
                            "must be a string of exactly " + schema.getFixedSize() + " bytes, not " + node);
                }
                yield new GenericData.Fixed(schema, node.asText().getBytes(StandardCharsets.ISO_8859_1));
            }
            case INT -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    yield fail(
                            pointer,
                            "type",
                            "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                                    + " (Avro int), not " + node);
                }
                yield node.intValue();
            }
            case LONG -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    yield fail(pointer, "type", "must be a whole number (Avro long), not " + node);
                }
                yield node.longValue();
            }
            case FLOAT ->
                node.isNumber()
                        ? (Object) node.floatValue()
                        : fail(pointer, "type", "must be a number, not " + kind(node));
            case DOUBLE ->
                node.isNumber()
                        ? (Object) node.doubleValue()
                        : fail(pointer, "type", "must be a number, not " + kind(node));
            case BOOLEAN ->
                node.isBoolean()
                        ? (Object) node.booleanValue()
                        : fail(pointer, "type", "must be true or false, not " + kind(node));
            case NULL -> node.isNull() ? null : fail(pointer, "type", "must be null, not " + kind(node));
        };
    }

    private Object record(JsonNode node, Schema schema, String pointer) {
        if (!node.isObject()) {
            return fail(pointer, "type", "must be an object (record " + schema.getFullName() + "), not " + kind(node));
        }
        GenericData.Record record = new GenericData.Record(schema);
        Set<String> known = new HashSet<>();
        for (Schema.Field field : schema.getFields()) {
            known.add(field.name());
            JsonNode member = node.get(field.name());
            String fieldPointer = pointer + "/" + escape(field.name());
            if (member != null) {
                record.put(field.pos(), value(member, field.schema(), fieldPointer));
            } else if (field.hasDefaultValue()) {
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                fail(
                        fieldPointer,
                        "required",
                        "required field '" + field.name() + "' of " + schema.getFullName()
                                + " is missing (it has no default)");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fail(
                        pointer + "/" + escape(name),
                        "additionalProperties",
                        "field '" + name + "' is not in record " + schema.getFullName() + " (fields: "
                                + schema.getFields().stream()
                                        .map(Schema.Field::name)
                                        .toList() + ")");
            }
        }
        return record;
    }

    private Object union(JsonNode node, Schema schema, String pointer) {
        List<Schema> branches = schema.getTypes();
        if (node.isNull()) {
            if (branches.stream().anyMatch(b -> b.getType() == Schema.Type.NULL)) {
                return null;
            }
            return fail(pointer, "type", "must not be null: the union " + names(branches) + " has no null branch");
        }
        // Avro's own JSON form: {"<branch name>": value}
        if (node.isObject() && node.size() == 1) {
            String name = node.fieldNames().next();
            for (Schema branch : branches) {
                if (branch.getFullName().equals(name)
                        || branch.getType().getName().equals(name) && !isNamed(branch)) {
                    return value(node.get(name), branch, pointer + "/" + escape(name));
                }
            }
        }
        List<Schema> candidates =
                branches.stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        List<Problem> firstProblems = null;
        for (Schema branch : candidates) {
            JsonToAvro attempt = new JsonToAvro();
            Object datum = attempt.value(node, branch, pointer);
            if (attempt.problems.isEmpty()) {
                return datum;
            }
            if (firstProblems == null) {
                firstProblems = attempt.problems;
            }
        }
        if (candidates.size() == 1) {
            problems.addAll(firstProblems); // ["null", X]: say what is wrong with X
            return null;
        }
        return fail(
                pointer,
                "union",
                "fits none of the union's branches " + names(branches)
                        + "; give the branch explicitly as {\"<branch name>\": value}");
    }

    private Object logicalValue(JsonNode node, Schema schema, LogicalType logical, String pointer) {
        String name = logical.getName();
        try {
            switch (name) {
                case "decimal": {
                    LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) logical;
                    BigDecimal number;
                    if (node.isNumber()) {
                        number = node.decimalValue();
                    } else if (node.isTextual()) {
                        number = new BigDecimal(node.asText().trim());
                    } else {
                        return fail(pointer, "type", "must be a decimal number, not " + kind(node));
                    }
                    if (number.scale() > decimal.getScale()) {
                        BigDecimal stripped = number.stripTrailingZeros();
                        if (stripped.scale() > decimal.getScale()) {
                            return fail(
                                    pointer,
                                    "decimal",
                                    number.toPlainString() + " has " + number.scale()
                                            + " decimal places; the schema allows " + decimal.getScale());
                        }
                    }
                    BigDecimal scaled = number.setScale(decimal.getScale());
                    if (scaled.precision() > decimal.getPrecision()) {
                        return fail(
                                pointer,
                                "decimal",
                                scaled.toPlainString() + " has " + scaled.precision() + " digits; the schema allows "
                                        + decimal.getPrecision() + " (precision)");
                    }
                    if (schema.getType() == Schema.Type.FIXED) {
                        return DECIMALS.toFixed(scaled, schema, logical);
                    }
                    return DECIMALS.toBytes(scaled, schema, logical);
                }
                case "uuid":
                    if (!node.isTextual()) {
                        return fail(pointer, "type", "must be a UUID string, not " + kind(node));
                    }
                    String text = node.asText();
                    UUID uuid = UUID.fromString(text);
                    if (!uuid.toString().equalsIgnoreCase(text)) {
                        return fail(
                                pointer, "format", "'" + text + "' is not a canonical UUID (8-4-4-4-12 hex digits)");
                    }
                    return text;
                case "date":
                    if (node.isIntegralNumber()) {
                        return value(node, Schema.create(Schema.Type.INT), pointer);
                    }
                    return node.isTextual()
                            ? (Object) (int) LocalDate.parse(node.asText()).toEpochDay()
                            : fail(pointer, "type", "must be a date (2024-05-01), not " + kind(node));
                case "time-millis":
                    if (node.isIntegralNumber()) {
                        return value(node, Schema.create(Schema.Type.INT), pointer);
                    }
                    return node.isTextual()
                            ? (Object) (int) (LocalTime.parse(node.asText()).toNanoOfDay() / 1_000_000)
                            : fail(pointer, "type", "must be a time (10:15:30.250), not " + kind(node));
                case "time-micros":
                    if (node.isIntegralNumber()) {
                        return value(node, Schema.create(Schema.Type.LONG), pointer);
                    }
                    return node.isTextual()
                            ? (Object) (LocalTime.parse(node.asText()).toNanoOfDay() / 1_000)
                            : fail(pointer, "type", "must be a time (10:15:30.250), not " + kind(node));
                case "timestamp-millis",
                        "timestamp-micros",
                        "timestamp-nanos",
                        "local-timestamp-millis",
                        "local-timestamp-micros",
                        "local-timestamp-nanos": {
                    if (node.isIntegralNumber()) {
                        return value(node, Schema.create(Schema.Type.LONG), pointer);
                    }
                    if (!node.isTextual()) {
                        return fail(
                                pointer,
                                "type",
                                "must be an ISO-8601 timestamp (2024-05-01T10:15:30Z) or a number, not " + kind(node));
                    }
                    Instant instant = name.startsWith("local-")
                            ? LocalDateTime.parse(node.asText()).toInstant(ZoneOffset.UTC)
                            : OffsetDateTime.parse(node.asText()).toInstant();
                    ChronoUnit unit = name.endsWith("millis")
                            ? ChronoUnit.MILLIS
                            : name.endsWith("micros") ? ChronoUnit.MICROS : ChronoUnit.NANOS;
                    return epoch(instant, unit);
                }
                default:
                    // A logical type this converter does not know: its underlying Avro type decides.
                    return value(node, new Schema.Parser().parse(withoutLogicalType(schema)), pointer);
            }
        } catch (DateTimeParseException e) {
            return fail(
                    pointer, "format", "'" + node.asText() + "' is not a valid " + name + " value: " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return fail(pointer, "format", node + " is not a valid " + name + " value: " + e.getMessage());
        }
    }

    private static long epoch(Instant instant, ChronoUnit unit) {
        BigInteger seconds = BigInteger.valueOf(instant.getEpochSecond());
        long perSecond = unit == ChronoUnit.MILLIS ? 1_000 : unit == ChronoUnit.MICROS ? 1_000_000 : 1_000_000_000;
        long fraction = instant.getNano() / (1_000_000_000 / perSecond);
        return seconds.multiply(BigInteger.valueOf(perSecond))
                .add(BigInteger.valueOf(fraction))
                .longValueExact();
    }

    private static String withoutLogicalType(Schema schema) {
        return Schema.create(schema.getType()).toString();
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD
                || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    private static String names(List<Schema> branches) {
        return branches.stream()
                .map(b -> isNamed(b) ? b.getFullName() : b.getType().getName())
                .toList()
                .toString();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(node.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** JSON pointer escaping (RFC 6901). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
