package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A JSON Schema event: its Java type (a Jackson-annotated record), its schema text, its name
 * (the schema's {@code title}, which the RECORD and TOPIC_RECORD strategies use as record name)
 * and the texts of the other schema files it uses through {@code $ref}, transitively.
 *
 * <p>{@code references} are keyed by their {@code $ref} as written in the event's schema, without
 * {@code #fragment} ({@code task_data.json}); a file referenced only by another referenced file is
 * keyed by its location relative to the event's schema ({@code priority.json} when it sits next to
 * it). With them, validation resolves the {@code $ref}s, and the serializer looks the schema up with
 * the registry references {@code registry:sync} registered it with: each referenced file under the
 * subject named by its {@code title} (else its key), at the version holding this exact text.
 *
 * <p>Generated records carry their schema in a {@code public static final String JSON_SCHEMA}
 * field; {@link #of(Class)} reads it.
 */
public record JsonEventType<T>(Class<T> type, String name, String schema, Map<String, String> references) {
    /** The field generated JSON records declare their schema in. */
    public static final String SCHEMA_FIELD = "JSON_SCHEMA";

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonEventType {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schema, "schema == null");
        references = Map.copyOf(new TreeMap<>(Objects.requireNonNull(references, "references == null")));
        JsonSchemaDocuments.checkReferences(name, schema, references); // fail here, not on the first send
    }

    /** A schema that references no other file. */
    public JsonEventType(Class<T> type, String name, String schema) {
        this(type, name, schema, Map.of());
    }

    /** Name from the schema's {@code title}, else the class's simple name. */
    public static <T> JsonEventType<T> of(Class<T> type, String schema) {
        return new JsonEventType<>(type, titleOf(schema).orElse(type.getSimpleName()), schema);
    }

    /** Reads the schema from the class's {@code JSON_SCHEMA} constant. */
    public static <T> JsonEventType<T> of(Class<T> type) {
        try {
            Field field = type.getField(SCHEMA_FIELD);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                throw new NoSuchFieldException(SCHEMA_FIELD);
            }
            return of(type, (String) field.get(null));
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException(
                    type.getName() + " has no public static String " + SCHEMA_FIELD
                            + " field: pass its schema with JsonEventType.of(type, schema)",
                    e);
        }
    }

    static java.util.Optional<String> titleOf(String schema) {
        try {
            JsonNode title = JSON.readTree(schema).path("title");
            return title.isTextual() && !title.asText().isBlank()
                    ? java.util.Optional.of(title.asText())
                    : java.util.Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON schema does not parse: " + e.getMessage(), e);
        }
    }
}
