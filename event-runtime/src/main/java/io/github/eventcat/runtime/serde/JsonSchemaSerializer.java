package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.SchemaReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes JSON Schema events (Jackson-annotated records) in the Confluent wire format, validating
 * each event against its schema first (on by default; {@code json.fail.invalid.schema=false} turns
 * it off). An event's schema comes from the {@link JsonEventType}s given, or from its class's
 * {@code JSON_SCHEMA} constant. Ids are cached per (topic, type): no registry call per record.
 * When the configuration carries the catalog's registration form for the subject
 * ({@link SerdeConfig#REGISTRATIONS}, as generated producers pass it), that form is what is
 * registered or looked up, references first, as {@code registry:sync} registers it.
 */
public class JsonSchemaSerializer<T> implements Serializer<T> {
    private static final ObjectMapper COMPARING = new ObjectMapper();
    private final ObjectMapper mapper;
    private final Map<Class<?>, EventState> states = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private SerdeConfig config;
    private SchemaIdResolver resolver;
    /** The state of the previous event's class: a topic of one event type never reaches {@link #states}. */
    private volatile EventState last;

    private static final ThreadLocal<WireBuffer> BUFFERS = ThreadLocal.withInitial(WireBuffer::new);

    private record TopicId(String topic, int id) {}

    /** Per event class: its type, its schema documents, compiled schema (when validating) and ids per topic. */
    private static final class EventState {
        final JsonEventType<?> type;
        final JsonSchemaDocuments documents;
        final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
        /** The id of the topic of the previous record of this type: one topic never reaches the map. */
        volatile TopicId lastId;
        /** Writes this type's events: Jackson's serializer for the class, found once. */
        volatile ObjectWriter writer;

        private JsonSchemaValidator validator;
        private SchemaDefinition registryDefinition;

        EventState(JsonEventType<?> type) {
            this.type = type;
            this.documents = new JsonSchemaDocuments(type.schema(), type.references());
        }

        synchronized JsonSchemaValidator validator() {
            if (validator == null) {
                List<String> missing = documents.links("").stream()
                        .filter(link -> link.key().isEmpty())
                        .map(JsonSchemaDocuments.Link::name)
                        .toList();
                if (!missing.isEmpty()) {
                    throw new SerializationException("Cannot validate event " + type.name() + ": its schema references "
                            + missing + " but their texts were not given. Pass them in JsonEventType's references"
                            + " (generated producers do), or turn validation off with "
                            + SerdeConfig.JSON_FAIL_INVALID_SCHEMA + "=false");
                }
                validator = new JsonSchemaValidator(documents);
            }
            return validator;
        }

        /** The schema as registry:sync registered it: its text and references to the referenced files' subjects and versions. */
        synchronized SchemaDefinition registryDefinition(SchemaIdResolver resolver) {
            if (registryDefinition == null) {
                registryDefinition = definitionOf("", resolver, new HashMap<>(), new ArrayList<>());
            }
            return registryDefinition;
        }

        private SchemaDefinition definitionOf(
                String key, SchemaIdResolver resolver, Map<String, RegisteredSchema> resolved, List<String> path) {
            if (path.contains(key)) {
                throw new SerializationException("JSON event " + type.name() + ": schema references form a cycle: "
                        + String.join(" → ", path) + " → " + key);
            }
            path.add(key);
            List<SchemaReference> references = new ArrayList<>();
            for (JsonSchemaDocuments.Link link : documents.links(key)) {
                if (link.key().isEmpty()) {
                    continue; // texts not given: looked up without that reference, as the registry may still know it so
                }
                String target = link.key().get();
                RegisteredSchema registered = resolved.get(target);
                if (registered == null) {
                    SchemaDefinition definition = definitionOf(target, resolver, resolved, path);
                    registered = resolver.resolveReference(
                            documents.subject(target),
                            type.name(),
                            target,
                            definition,
                            candidate -> sameSchema(candidate, definition));
                    resolved.put(target, registered);
                }
                references.add(new SchemaReference(link.name(), registered.subject(), registered.version()));
            }
            path.remove(path.size() - 1);
            return SchemaDefinition.json(documents.text(key)).withReferences(references);
        }
    }

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public JsonSchemaSerializer() {
        this.mapper = JsonMappers.standard();
    }

    public JsonSchemaSerializer(
            SchemaRegistryClient client,
            SerdeConfig config,
            boolean isKey,
            Collection<? extends JsonEventType<?>> types) {
        this(client, config, isKey, types, JsonMappers.standard());
    }

    public JsonSchemaSerializer(
            SchemaRegistryClient client,
            SerdeConfig config,
            boolean isKey,
            Collection<? extends JsonEventType<?>> types,
            ObjectMapper mapper) {
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
        config.eventTypes()
                .values()
                .forEach(type -> states.computeIfAbsent(type, t -> new EventState(JsonEventType.of(t))));
    }

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        if (resolver == null) {
            throw new IllegalStateException(
                    "JsonSchemaSerializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        EventState state = last;
        if (state == null || state.type.type() != event.getClass()) {
            state = states.computeIfAbsent(event.getClass(), type -> new EventState(JsonEventType.of(type)));
            last = state;
        }
        if (config.validateJson()) {
            // The tree is only for validation: the bytes are written from the event itself, as with validation off.
            List<JsonValidationException.Violation> violations =
                    state.validator().validate(mapper.valueToTree(event));
            if (!violations.isEmpty()) {
                throw new JsonValidationException(state.type.name(), topic, new ArrayList<>(violations));
            }
        }
        TopicId topicId = state.lastId;
        if (topicId == null || !topic.equals(topicId.topic())) {
            EventState of = state;
            topicId = new TopicId(topic, state.idsByTopic.computeIfAbsent(topic, t -> resolveId(t, of)));
            state.lastId = topicId;
        }
        ObjectWriter writer = state.writer;
        if (writer == null) {
            writer = mapper.writerFor(state.type.type());
            state.writer = writer;
        }
        WireBuffer out = BUFFERS.get().start(topicId.id());
        try {
            writer.writeValue(out, event);
        } catch (IOException e) {
            throw new SerializationException(
                    "Could not write JSON event " + state.type.name() + " to topic " + topic + ": " + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    private int resolveId(String topic, EventState state) {
        Optional<SchemaRegistration> registration = resolver.registration(topic, state.type.name());
        if (registration.isPresent()) {
            // The catalog's form: the same text as the event type's, with registry references to its files' subjects.
            if (!sameJson(registration.get().schema(), state.type.schema())) {
                throw new SchemaLookupException(
                        registration.get().subject(),
                        state.type.name(),
                        "The catalog's schema for"
                                + " subject " + registration.get().subject() + " (given in " + SerdeConfig.REGISTRATIONS
                                + ") is not the schema of event " + state.type.name()
                                + " this code was built with; generate the"
                                + " records and the producers from the same catalog",
                        null);
            }
            return resolver.resolve(state.type.name(), registration.get()).id();
        }
        // use.latest.version takes the subject's latest as it is: no need to know the referenced versions.
        SchemaDefinition definition = config.useLatestVersion()
                ? SchemaDefinition.json(state.type.schema())
                : state.registryDefinition(resolver);
        return resolver.resolve(topic, state.type.name(), definition, candidate -> sameSchema(candidate, definition))
                .id();
    }

    /** Same JSON (whitespace and key order aside) and, when we know them, the same references. */
    private static boolean sameSchema(SchemaDefinition registered, SchemaDefinition ours) {
        if (!ours.references().isEmpty()
                && !new HashSet<>(registered.references()).equals(new HashSet<>(ours.references()))) {
            return false;
        }
        return sameJson(registered.schema(), ours.schema());
    }

    private static boolean sameJson(String one, String other) {
        try {
            return one.equals(other) || COMPARING.readTree(one).equals(COMPARING.readTree(other));
        } catch (IOException unparseable) {
            return false;
        }
    }

    public SchemaRegistryClient client() {
        return client;
    }
}
