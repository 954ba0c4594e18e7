package io.github.eventcat.runtime.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;

/**
 * Writes JSON Schema events (Jackson-annotated records) in the Confluent wire format, validating
 * each event against its schema first (on by default; {@code json.fail.invalid.schema=false} turns
 * it off). An event's schema comes from the {@link JsonEventType}s given, or from its class's
 * {@code JSON_SCHEMA} constant. Ids are cached per (topic, type): no registry call per record.
 */
public class JsonSchemaSerializer<T> implements Serializer<T> {
    private final ObjectMapper mapper;
    private final Map<Class<?>, EventState> states = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private SerdeConfig config;
    private SchemaIdResolver resolver;

    /** Per event class: its type, compiled schema and ids per topic. */
    private static final class EventState {
        final JsonEventType<?> type;
        final SchemaDefinition definition;
        final JsonSchemaValidator validator;
        final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

        EventState(JsonEventType<?> type) {
            this.type = type;
            this.definition = SchemaDefinition.json(type.schema());
            this.validator = new JsonSchemaValidator(type.schema());
        }
    }

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public JsonSchemaSerializer() {
        this.mapper = JsonMappers.standard();
    }

    public JsonSchemaSerializer(SchemaRegistryClient client, SerdeConfig config, boolean isKey,
            Collection<? extends JsonEventType<?>> types) {
        this(client, config, isKey, types, JsonMappers.standard());
    }

    public JsonSchemaSerializer(SchemaRegistryClient client, SerdeConfig config, boolean isKey,
            Collection<? extends JsonEventType<?>> types, ObjectMapper mapper) {
        this.mapper = mapper;
        this.client = client;
        this.config = config;
        this.resolver = new SchemaIdResolver(client, config, isKey);
        types.forEach(type -> states.put(type.type(), new EventState(type)));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClient.fromConfig(configs);
        }
        config = SerdeConfig.from(configs, isKey);
        resolver = new SchemaIdResolver(client, config, isKey);
        config.eventTypes().values().forEach(type -> states.computeIfAbsent(type, t -> new EventState(JsonEventType.of(t))));
    }

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        if (resolver == null) {
            throw new IllegalStateException("JsonSchemaSerializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        EventState state = states.computeIfAbsent(event.getClass(), type -> new EventState(JsonEventType.of(type)));
        JsonNode tree = mapper.valueToTree(event);
        if (config.validateJson()) {
            List<JsonValidationException.Violation> violations = state.validator.validate(tree);
            if (!violations.isEmpty()) {
                throw new JsonValidationException(state.type.name(), topic, new ArrayList<>(violations));
            }
        }
        int id = state.idsByTopic.computeIfAbsent(topic,
                t -> resolver.resolve(t, state.type.name(), state.definition, candidate -> sameJson(candidate.schema(), state.type.schema())).id());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        WireFormat.writeHeader(out, id);
        try {
            mapper.writeValue(out, tree);
        } catch (IOException e) {
            throw new SerializationException("Could not write JSON event " + state.type.name() + " to topic " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private boolean sameJson(String registered, String ours) {
        try {
            return mapper.readTree(registered).equals(mapper.readTree(ours));
        } catch (IOException unparseable) {
            return false;
        }
    }

    public SchemaRegistryClient client() {
        return client;
    }
}
