package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format JSON events. The Java type comes from the writer schema's
 * {@code title} through the {@code eventcat.event.types} map (so one deserializer serves a
 * multi-event topic), else {@code json.value.type}, else the payload stays a {@link JsonNode}.
 * Writer schemas are fetched once per id.
 */
public class JsonSchemaDeserializer<T> implements Deserializer<T> {
    private final ObjectMapper mapper;
    private final Map<Integer, Reader> readersById = new ConcurrentHashMap<>();
    /** The reader of the previous record's schema id: a topic of one writer schema never reaches the map. */
    private volatile Reader last;

    /** How records of one schema id are read: into {@code type}, by Jackson's deserializer for it found once. */
    private record Reader(int id, Class<?> type, ObjectReader reader) {}

    private SchemaRegistryClient client;
    private SerdeConfig config;

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public JsonSchemaDeserializer() {
        this.mapper = JsonMappers.standard();
    }

    /** Reads into the given classes by schema title. */
    public JsonSchemaDeserializer(SchemaRegistryClient client, Map<String, Class<?>> eventTypes) {
        this(client, eventTypes, null, JsonMappers.standard());
    }

    /** Reads into the given classes by schema title; any other title into {@code defaultType} (null: {@link JsonNode}). */
    public JsonSchemaDeserializer(
            SchemaRegistryClient client, Map<String, Class<?>> eventTypes, Class<?> defaultType, ObjectMapper mapper) {
        this.mapper = mapper;
        this.client = client;
        this.config = new SerdeConfig(
                false, false, false, SubjectNamingStrategy.TOPIC, true, true, false, eventTypes, defaultType);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClient.fromConfig(configs);
        }
        config = SerdeConfig.from(configs, isKey).withTypesOf(config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException(
                    "JsonSchemaDeserializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        int id = WireFormat.schemaId(topic, data);
        Reader reader = last;
        if (reader == null || reader.id() != id) {
            reader = readersById.get(id);
            if (reader == null) {
                Class<?> type = typeFor(topic, id);
                reader = new Reader(id, type, mapper.readerFor(type));
                readersById.put(id, reader);
            }
            last = reader;
        }
        try {
            // Read straight into the type (no tree in between); a JsonNode reader gives the tree.
            return (T) reader.reader().readValue(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNREADABLE_PAYLOAD,
                    topic,
                    id,
                    "the JSON payload cannot be read as " + reader.type().getName() + ": " + e.getMessage(),
                    e);
        }
    }

    private Class<?> typeFor(String topic, int id) {
        SchemaDefinition writer;
        try {
            writer = client.schemaById(id);
        } catch (SchemaRegistryException e) {
            throw SchemaFetchException.classify(client, topic, id, e);
        }
        Optional<String> title;
        try {
            title = JsonEventType.titleOf(writer.schema());
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNREADABLE_PAYLOAD, topic, id, e.getMessage(), e);
        }
        Class<?> type = title.map(config.eventTypes()::get).orElse(null);
        if (type != null) {
            return type;
        }
        if (config.jsonType() != null) {
            return config.jsonType();
        }
        if (!config.eventTypes().isEmpty()) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNKNOWN_EVENT_TYPE,
                    topic,
                    id,
                    "event " + title.orElse("(schema without title)") + " is not one this consumer knows ("
                            + config.eventTypes().keySet() + "); regenerate the consumer from the current catalog");
        }
        return JsonNode.class;
    }

    public SchemaRegistryClient client() {
        return client;
    }
}
