package io.github.eventcat.runtime.serde;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.AvroTypeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Says why an Avro event could not be written, and what to do: a required field left null gets
 * the hint to set it; a decimal that does not fit its schema names the field, the value's
 * precision and scale and the schema's (Avro's own message names neither the field nor a fix).
 */
final class AvroWriteFailures {
    private AvroWriteFailures() {}

    /** The message for a failure to write {@code record} (of {@code schema}) to {@code topic}. */
    static String message(String topic, Schema schema, Object record, Exception e) {
        String start = "Could not write Avro event " + schema.getFullName() + " to topic " + topic + ": ";
        if (e instanceof NullPointerException) {
            // Avro's "null value for (non-nullable) string at TicketOpened.requester.name".
            return start + e.getMessage() + " — check required fields are set";
        }
        if (e instanceof AvroTypeException && String.valueOf(e.getMessage()).startsWith("Cannot encode decimal")) {
            return start
                    + findDecimal(record, schema, schema.getName())
                            .orElse(e.getMessage() + " — round the value to the decimal's scale, or keep it within its"
                                    + " precision (BigDecimal.setScale(scale, RoundingMode.HALF_EVEN) before sending)");
        }
        return start + e.getMessage();
    }

    /** The first decimal value in {@code datum} that its schema cannot hold, described. */
    private static Optional<String> findDecimal(Object datum, Schema schema, String path) {
        if (datum == null) {
            return Optional.empty();
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (!(datum instanceof IndexedRecord record)) {
                    return Optional.empty();
                }
                for (Schema.Field field : schema.getFields()) {
                    Optional<String> found =
                            findDecimal(record.get(field.pos()), field.schema(), path + "." + field.name());
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    Optional<String> found = findDecimal(datum, branch, path);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            case ARRAY -> {
                if (datum instanceof Collection<?> items) {
                    int i = 0;
                    for (Object item : items) {
                        Optional<String> found = findDecimal(item, schema.getElementType(), path + "[" + i++ + "]");
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
                return Optional.empty();
            }
            case MAP -> {
                if (datum instanceof Map<?, ?> entries) {
                    for (Map.Entry<?, ?> entry : entries.entrySet()) {
                        Optional<String> found = findDecimal(
                                entry.getValue(), schema.getValueType(), path + "[\"" + entry.getKey() + "\"]");
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
                return Optional.empty();
            }
            default -> {
                LogicalType logicalType = schema.getLogicalType();
                if (logicalType instanceof LogicalTypes.Decimal decimal && datum instanceof BigDecimal value) {
                    return misfit(path, value, decimal);
                }
                return Optional.empty();
            }
        }
    }

    /** The same checks as Avro's DecimalConversion: no rounding, then at most the precision. */
    private static Optional<String> misfit(String path, BigDecimal value, LogicalTypes.Decimal decimal) {
        int scale = decimal.getScale();
        int precision = decimal.getPrecision();
        String field = "field " + path + " holds a decimal with precision " + value.precision() + " and scale "
                + value.scale() + ", but its schema is decimal(" + precision + ", " + scale + ")";
        if (value.scale() > scale) {
            return Optional.of(field + ": its scale is larger than " + scale + " and Avro does not round — round the"
                    + " value first (value.setScale(" + scale + ", RoundingMode.HALF_EVEN)), or give the field a"
                    + " larger scale in the schema");
        }
        int digits = value.setScale(scale).precision();
        if (digits > precision) {
            return Optional.of(field + ": at scale " + scale + " it has " + digits + " digits, more than " + precision
                    + " — check the value (at most " + (precision - scale) + " digits before the decimal point),"
                    + " or give the field a larger precision in the schema");
        }
        return Optional.empty();
    }
}
