package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Checks a JSON document against an Avro schema in Avro's JSON encoding, reporting every mismatch
 * with its JSON pointer. Avro's own {@code JsonDecoder} stays the judge (the loader decodes with it
 * afterwards); it stops at the first mismatch and says neither where nor what to write, which is
 * what this adds: unions as {@code {"string": "x"}}, timestamps as numbers, decimals as bytes.
 */
final class AvroJsonEncoding {
    /** One mismatch: where in the document, and what is wrong and what to write instead. */
    record Violation(String pointer, String message) {}

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<Violation> violations = new ArrayList<>();

    private AvroJsonEncoding() {}

    static List<Violation> check(JsonNode value, Schema schema) {
        AvroJsonEncoding check = new AvroJsonEncoding();
        check.value(value, schema, "");
        return check.violations;
    }

    private static boolean fits(JsonNode value, Schema schema) {
        return check(value, schema).isEmpty();
    }

    private void value(JsonNode value, Schema schema, String pointer) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case NULL -> expect(value.isNull(), value, pointer, "null", "write null");
            case BOOLEAN -> expect(value.isBoolean(), value, pointer, "a boolean", "write true or false");
            case INT ->
                expect(
                        value.isIntegralNumber() && value.canConvertToInt(),
                        value,
                        pointer,
                        describe(schema),
                        intHint(logical));
            case LONG -> {
                if (!(value.isIntegralNumber() && value.canConvertToLong())) {
                    violation(
                            pointer,
                            "expected " + describe(schema) + ", found " + found(value) + ": "
                                    + longHint(logical, value));
                }
            }
            case FLOAT, DOUBLE ->
                expect(
                        value.isNumber(),
                        value,
                        pointer,
                        "a number (" + schema.getType().getName() + ")",
                        "write a number such as 1.5");
            case STRING -> {
                if (!value.isTextual()) {
                    violation(
                            pointer,
                            "expected " + describe(schema) + ", found " + found(value) + ": write it"
                                    + " as a JSON string"
                                    + (value.isValueNode() && !value.isNull()
                                            ? ", e.g. " + TextNode.valueOf(value.asText())
                                            : ""));
                } else if (logical instanceof LogicalTypes.Uuid
                        && !UUID.matcher(value.asText()).matches()) {
                    violation(
                            pointer,
                            "expected a uuid (logical type uuid), found " + value + ": write one such"
                                    + " as \"123e4567-e89b-12d3-a456-426614174000\"");
                }
            }
            case BYTES, FIXED -> bytes(value, schema, pointer);
            case ENUM -> {
                if (!value.isTextual() || !schema.getEnumSymbols().contains(value.asText())) {
                    violation(
                            pointer,
                            "expected a symbol of enum " + schema.getFullName() + ", found "
                                    + found(value) + ": write one of "
                                    + schema.getEnumSymbols().stream()
                                            .map(s -> "\"" + s + "\"")
                                            .collect(Collectors.joining(", ")));
                }
            }
            case ARRAY -> {
                if (!value.isArray()) {
                    violation(pointer, "expected an array, found " + found(value) + ": write [ … ]");
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        value(value.get(i), schema.getElementType(), pointer + "/" + i);
                    }
                }
            }
            case MAP -> {
                if (!value.isObject()) {
                    violation(pointer, "expected a map (a JSON object), found " + found(value) + ": write { … }");
                } else {
                    value.fields()
                            .forEachRemaining(e -> value(
                                    e.getValue(),
                                    schema.getValueType(),
                                    pointer + "/" + ParsedDocument.segment(e.getKey())));
                }
            }
            case RECORD -> record(value, schema, pointer);
            case UNION -> union(value, schema, pointer);
            default -> throw new IllegalStateException("unknown Avro type " + schema.getType());
        }
    }

    private void record(JsonNode value, Schema schema, String pointer) {
        if (!value.isObject()) {
            violation(
                    pointer,
                    "expected record " + schema.getFullName() + " (a JSON object), found "
                            + found(value) + ": write {"
                            + (schema.getFields().isEmpty()
                                    ? ""
                                    : "\"" + schema.getFields().get(0).name() + "\": …") + "}");
            return;
        }
        for (Schema.Field field : schema.getFields()) {
            JsonNode member = value.get(field.name());
            if (member == null) {
                violation(
                        pointer,
                        "field \"" + field.name() + "\" of " + schema.getFullName() + " is missing:"
                                + " Avro's JSON encoding writes every field, even one with a default — add \""
                                + field.name() + "\""
                                + (field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE
                                        ? ": null"
                                        : ""));
            } else {
                value(member, field.schema(), pointer + "/" + ParsedDocument.segment(field.name()));
            }
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (schema.getField(name) == null) {
                violation(
                        pointer + "/" + ParsedDocument.segment(name),
                        "field \"" + name + "\" is not in "
                                + schema.getFullName() + ": remove it, or fix its name (the fields are "
                                + schema.getFields().stream()
                                        .map(Schema.Field::name)
                                        .collect(Collectors.joining(", "))
                                + "); Avro would drop it silently");
            }
        }
    }

    private void union(JsonNode value, Schema union, String pointer) {
        List<Schema> branches = union.getTypes();
        if (value.isNull() && branches.stream().anyMatch(b -> b.getType() == Schema.Type.NULL)) {
            return;
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.fields().next();
            Optional<Schema> branch = branches.stream()
                    .filter(b -> branchName(b).equals(only.getKey()))
                    .findFirst();
            if (branch.isPresent()) {
                value(only.getValue(), branch.get(), pointer + "/" + ParsedDocument.segment(only.getKey()));
                return;
            }
            Optional<Schema> bySimpleName = branches.stream()
                    .filter(b -> isNamed(b) && b.getName().equals(only.getKey()))
                    .findFirst();
            if (bySimpleName.isPresent()) {
                violation(
                        pointer,
                        "a union branch is named by its full name in Avro's JSON encoding: write {\""
                                + bySimpleName.get().getFullName() + "\": …} instead of {\"" + only.getKey()
                                + "\": …}");
                return;
            }
            Optional<Schema> byCase = branches.stream()
                    .filter(b -> branchName(b).equalsIgnoreCase(only.getKey()))
                    .findFirst();
            if (byCase.isPresent()) {
                violation(
                        pointer,
                        "{\"" + only.getKey() + "\": …} names no branch of the union [" + names(union) + "]: write {\""
                                + branchName(byCase.get()) + "\": …} (branch names are case-sensitive)");
                return;
            }
        }
        String names = names(union);
        List<Schema> fitting = branches.stream()
                .filter(b -> b.getType() != Schema.Type.NULL && fits(value, b))
                .toList();
        String wrapped =
                fitting.isEmpty() ? "" : ": write {\"" + branchName(fitting.get(0)) + "\": " + abbreviate(value) + "}";
        violation(
                pointer,
                "expected a value of the union [" + names + "], found " + found(value)
                        + (fitting.isEmpty() ? ", which fits no branch" : "")
                        + ". Avro's JSON encoding writes a union value as {\"<branch>\": value} (null alone for the"
                        + " null branch)" + wrapped);
    }

    private static String names(Schema union) {
        return union.getTypes().stream().map(AvroJsonEncoding::branchName).collect(Collectors.joining(", "));
    }

    private void bytes(JsonNode value, Schema schema, String pointer) {
        LogicalType logical = schema.getLogicalType();
        boolean fixed = schema.getType() == Schema.Type.FIXED;
        String what = logical instanceof LogicalTypes.Decimal decimal
                ? "a decimal (" + schema.getType().getName() + ", scale " + decimal.getScale() + ")"
                : fixed ? "fixed " + schema.getFullName() + " (" + schema.getFixedSize() + " bytes)" : "bytes";
        String format = "Avro's JSON encoding writes "
                + (logical instanceof LogicalTypes.Decimal
                        ? "a decimal as the bytes of its unscaled value (big-endian two's complement)"
                        : "bytes")
                + " as a string with one character, \\u0000 to \\u00ff, per byte";
        if (logical instanceof LogicalTypes.Decimal decimal && value.isNumber()) {
            violation(
                    pointer,
                    "expected " + what + ", found the number " + value + ". " + format
                            + decimalHint(value.decimalValue(), decimal, fixed ? schema.getFixedSize() : -1));
            return;
        }
        if (!value.isTextual()) {
            violation(pointer, "expected " + what + ", found " + found(value) + ". " + format);
            return;
        }
        String text = value.asText();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                violation(
                        pointer,
                        "expected " + what + ", but character " + i + " of the string is beyond" + " \\u00ff. "
                                + format);
                return;
            }
        }
        if (fixed && text.length() != schema.getFixedSize()) {
            violation(
                    pointer,
                    "expected " + what + ", found a string of " + text.length() + " characters. " + format
                            + ": write exactly " + schema.getFixedSize());
        }
    }

    /** {@code : write "\u0000\u3039" for 123.45}, or why the number does not fit the scale. */
    private static String decimalHint(BigDecimal number, LogicalTypes.Decimal decimal, int fixedSize) {
        BigDecimal scaled;
        try {
            scaled = number.setScale(decimal.getScale());
        } catch (ArithmeticException e) {
            return " (and " + number + " has more decimal places than the scale " + decimal.getScale() + " allows)";
        }
        byte[] bytes = scaled.unscaledValue().toByteArray();
        if (fixedSize > 0) {
            if (bytes.length > fixedSize) {
                return " (and " + number + " needs more than " + fixedSize + " bytes)";
            }
            byte[] padded = new byte[fixedSize];
            byte pad = scaled.signum() < 0 ? (byte) 0xFF : 0;
            Arrays.fill(padded, 0, fixedSize - bytes.length, pad);
            System.arraycopy(bytes, 0, padded, fixedSize - bytes.length, bytes.length);
            bytes = padded;
        }
        StringBuilder escaped = new StringBuilder("\"");
        for (byte b : bytes) {
            escaped.append(String.format("\\u%04x", b & 0xFF));
        }
        return ": write " + escaped.append('"') + " for " + number + " (unscaled value " + scaled.unscaledValue() + ")";
    }

    private static String intHint(LogicalType logical) {
        if (logical instanceof LogicalTypes.Date) {
            return "a date is written as the number of days since 1970-01-01, e.g. 19723 for 2024-01-01";
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return "a time-millis is written as milliseconds after midnight, e.g. 45000000 for 12:30";
        }
        return "write a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }

    private static String longHint(LogicalType logical, JsonNode value) {
        String unit = logical == null
                ? null
                : switch (logical.getName()) {
                    case "timestamp-millis", "local-timestamp-millis" -> "milliseconds";
                    case "timestamp-micros", "local-timestamp-micros" -> "microseconds";
                    case "timestamp-nanos", "local-timestamp-nanos" -> "nanoseconds";
                    default -> null;
                };
        if (unit == null) {
            return "write a whole number";
        }
        String hint =
                "a " + logical.getName() + " is written as the number of " + unit + " since" + " 1970-01-01T00:00:00Z";
        if (value.isTextual()) {
            Optional<Instant> instant = instant(value.asText());
            if (instant.isPresent()) {
                long millis = instant.get().toEpochMilli();
                String number =
                        switch (unit) {
                            case "milliseconds" -> String.valueOf(millis);
                            case "microseconds" -> millis + "000";
                            default -> millis + "000000";
                        };
                return hint + ": write " + number + " for " + value.asText();
            }
        }
        return hint + ", e.g. 1700000000000 (milliseconds) for 2023-11-14T22:13:20Z";
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        return "a" + (schema.getType() == Schema.Type.INT ? "n" : "") + " "
                + schema.getType().getName() + (logical == null ? "" : " (logical type " + logical.getName() + ")");
    }

    /** The name that selects a branch in Avro's JSON encoding: a named type's full name, else the type. */
    static String branchName(Schema branch) {
        return isNamed(branch) ? branch.getFullName() : branch.getType().getName();
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private void expect(boolean ok, JsonNode value, String pointer, String expected, String fix) {
        if (!ok) {
            violation(pointer, "expected " + expected + ", found " + found(value) + ": " + fix);
        }
    }

    private static String found(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "the string " + abbreviate(value);
        }
        if (value.isNull()) {
            return "null";
        }
        return (value.isBoolean() ? "the boolean " : "the number ") + value;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private void violation(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }
}
