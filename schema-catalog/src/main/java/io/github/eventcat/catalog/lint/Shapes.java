package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.SchemaFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules look at in a schema file, the same for Avro and JSON Schema: records (JSON
 * objects with properties) with their fields, and enums, each with its JSON pointer and location.
 */
final class Shapes {
    private Shapes() {}

    /** The kind of a field's type, after removing {@code null} from it. */
    enum Kind {
        STRING,
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        NUMBER,
        BOOLEAN,
        BYTES,
        FIXED,
        DECIMAL,
        RECORD,
        ENUM,
        ARRAY,
        MAP,
        REFERENCE,
        OTHER
    }

    /**
     * A field's type.
     *
     * @param logical Avro's logicalType or JSON Schema's format, or empty
     * @param nullable whether null is a value of the type
     * @param display how messages show it, e.g. {@code ["null", "string"]}
     */
    record FieldType(Kind kind, String logical, boolean nullable, String display) {
        boolean isTimestampWithZone() {
            return !nullable
                    && (((kind == Kind.LONG)
                                    && (logical.equals("timestamp-millis") || logical.equals("timestamp-micros")))
                            || (kind == Kind.STRING && logical.equals("date-time")));
        }

        boolean isUuid() {
            return !nullable && kind == Kind.STRING && logical.equals("uuid");
        }
    }

    /**
     * A field of a record, or a property of a JSON Schema object.
     *
     * @param required JSON Schema: listed in {@code required}; Avro: always
     */
    record Field(String name, String pointer, String location, boolean documented, boolean required, FieldType type) {}

    /**
     * A record, or a JSON Schema object with properties.
     *
     * @param name Avro's name, or JSON Schema's title (empty for an untitled object)
     * @param fullName Avro's full name, or the title
     * @param closed JSON Schema: whether {@code additionalProperties} (or {@code unevaluatedProperties}) is false
     */
    record Record(
            SchemaFormat format,
            String name,
            String fullName,
            String pointer,
            String location,
            boolean documented,
            List<Field> fields,
            Optional<Boolean> closed) {
        Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }

        String shownName() {
            return name.isEmpty() ? "the object at #" + pointer : "\"" + name + "\"";
        }
    }

    /** An enum: Avro's, or a JSON Schema string {@code enum}. */
    record Enum(
            SchemaFormat format,
            String name,
            String pointer,
            String location,
            List<String> symbols,
            boolean hasDefault) {}

    /**
     * Everything of one file.
     *
     * @param ignores JSON pointer of each object carrying {@code x-eventcat-lint-ignore} → its rules
     */
    record File(String path, List<Record> records, List<Enum> enums, Map<String, Set<LintRule>> ignores) {}
}
