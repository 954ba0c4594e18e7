package io.github.eventcat.runtime.serde;

import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The serdes' settings, read from the same Kafka-style map as the clients (Confluent's key names
 * where Confluent has one).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>{@code auto.register.schemas}</td><td>register unknown schemas (default {@code false}: schemas are registered by {@code registry:sync})</td></tr>
 * <tr><td>{@code use.latest.version}</td><td>use the subject's latest version instead of looking the schema up</td></tr>
 * <tr><td>{@code normalize.schemas}</td><td>ask the registry to normalize on lookup/register</td></tr>
 * <tr><td>{@code key.subject.name.strategy}, {@code value.subject.name.strategy}</td><td>{@code topic} (default), {@code record}, {@code topic_record}</td></tr>
 * <tr><td>{@code json.fail.invalid.schema}</td><td>validate JSON events before sending (default {@code true})</td></tr>
 * <tr><td>{@code avro.remove.java.properties}</td><td>strip {@code avro.java.string} from generated classes' schemas before lookup (default {@code true})</td></tr>
 * <tr><td>{@code specific.avro.reader}</td><td>without an event type map, read into the generated class named by the writer schema</td></tr>
 * <tr><td>{@code eventcat.event.types}</td><td>record full name → Java class ({@code Map<String, Class<?>>}, or {@code name=class,...})</td></tr>
 * <tr><td>{@code json.value.type} / {@code json.key.type}</td><td>the one Java class JSON values/keys are read into</td></tr>
 * <tr><td>{@code eventcat.registrations}</td><td>the catalog's registration form ({@code Collection<SchemaRegistration>},
 *     as generated producers pass it): an event whose subject is among them is registered and looked up in exactly that
 *     form, references first</td></tr>
 * </table>
 */
public record SerdeConfig(
        boolean autoRegister,
        boolean useLatestVersion,
        boolean normalize,
        SubjectNamingStrategy subjectNameStrategy,
        boolean validateJson,
        boolean removeJavaProperties,
        boolean specificAvroReader,
        Map<String, Class<?>> eventTypes,
        Class<?> jsonType,
        Map<String, SchemaRegistration> registrations) {

    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String NORMALIZE = "normalize.schemas";
    public static final String JSON_FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
    public static final String AVRO_REMOVE_JAVA_PROPERTIES = "avro.remove.java.properties";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String EVENT_TYPES = "eventcat.event.types";
    public static final String JSON_VALUE_TYPE = "json.value.type";
    public static final String JSON_KEY_TYPE = "json.key.type";
    public static final String REGISTRATIONS = "eventcat.registrations";

    public SerdeConfig {
        Objects.requireNonNull(subjectNameStrategy, "subjectNameStrategy == null");
        eventTypes = Map.copyOf(eventTypes);
        registrations = Map.copyOf(registrations);
        for (SchemaRegistration registration : registrations.values()) {
            for (SubjectReference reference : registration.references()) {
                if (!registrations.containsKey(reference.subject())) {
                    throw new IllegalArgumentException(REGISTRATIONS + ": " + registration.subject() + " references "
                            + reference.subject() + ", which is not among the registrations given");
                }
            }
        }
    }

    /** Without registration forms: schemas are registered and looked up as the record's own. */
    public SerdeConfig(
            boolean autoRegister,
            boolean useLatestVersion,
            boolean normalize,
            SubjectNamingStrategy subjectNameStrategy,
            boolean validateJson,
            boolean removeJavaProperties,
            boolean specificAvroReader,
            Map<String, Class<?>> eventTypes,
            Class<?> jsonType) {
        this(
                autoRegister,
                useLatestVersion,
                normalize,
                subjectNameStrategy,
                validateJson,
                removeJavaProperties,
                specificAvroReader,
                eventTypes,
                jsonType,
                Map.of());
    }

    /** Reads the keys above for a key ({@code isKey}) or value serde. */
    public static SerdeConfig from(Map<String, ?> config, boolean isKey) {
        return new SerdeConfig(
                flag(config, AUTO_REGISTER, false),
                flag(config, USE_LATEST_VERSION, false),
                flag(config, NORMALIZE, false),
                SubjectNamingStrategy.fromConfig(
                        text(config, isKey ? SubjectNamingStrategy.KEY_CONFIG : SubjectNamingStrategy.VALUE_CONFIG)),
                flag(config, JSON_FAIL_INVALID_SCHEMA, true),
                flag(config, AVRO_REMOVE_JAVA_PROPERTIES, true),
                flag(config, SPECIFIC_AVRO_READER, false),
                eventTypes(config.get(EVENT_TYPES)),
                type(config.get(isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE), isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE),
                registrations(config.get(REGISTRATIONS)));
    }

    /**
     * This configuration, with the event types and JSON type of {@code built} (what a serde's constructor was given)
     * where it names none: a later {@code configure} by Kafka keeps the types the code passed.
     */
    SerdeConfig withTypesOf(SerdeConfig built) {
        if (built == null) {
            return this;
        }
        return new SerdeConfig(
                autoRegister,
                useLatestVersion,
                normalize,
                subjectNameStrategy,
                validateJson,
                removeJavaProperties,
                specificAvroReader,
                eventTypes.isEmpty() ? built.eventTypes() : eventTypes,
                jsonType == null ? built.jsonType() : jsonType,
                registrations);
    }

    public static SerdeConfig defaults() {
        return from(Map.of(), false);
    }

    private static boolean flag(Map<String, ?> config, String key, boolean defaultValue) {
        String value = text(config, key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + " is not true or false");
        };
    }

    private static String text(Map<String, ?> config, String key) {
        Object value = config.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, Class<?>> eventTypes(Object value) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        if (value == null) {
            return types;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, type) -> types.put(name.toString(), type(type, EVENT_TYPES)));
            return types;
        }
        for (String entry : value.toString().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(EVENT_TYPES + " entry '" + entry.trim()
                        + "' is not of the form <record full name>=<java class>");
            }
            types.put(
                    entry.substring(0, eq).trim(), type(entry.substring(eq + 1).trim(), EVENT_TYPES));
        }
        return types;
    }

    private static Map<String, SchemaRegistration> registrations(Object value) {
        Map<String, SchemaRegistration> bySubject = new LinkedHashMap<>();
        if (value == null) {
            return bySubject;
        }
        if (!(value instanceof Collection<?> collection)) {
            throw new IllegalArgumentException(REGISTRATIONS + " must be a Collection<SchemaRegistration>, not "
                    + value.getClass().getName());
        }
        for (Object element : collection) {
            if (!(element instanceof SchemaRegistration registration)) {
                throw new IllegalArgumentException(REGISTRATIONS + " must hold SchemaRegistration values, not "
                        + (element == null ? "null" : element.getClass().getName()));
            }
            bySubject.put(registration.subject(), registration);
        }
        return bySubject;
    }

    private static Class<?> type(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof Class<?> type) {
            return type;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Class.forName(
                    value.toString().trim(), true, loader != null ? loader : SerdeConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(key + ": class " + value + " is not on the class path", e);
        }
    }
}
