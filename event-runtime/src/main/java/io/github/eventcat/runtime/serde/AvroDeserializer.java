package io.github.eventcat.runtime.serde;

import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro records. The writer schema comes from the registry by the id in
 * the header (once per id); the Java type from the writer schema's record full name:
 * <ol>
 *   <li>the {@code eventcat.event.types} map (record full name → generated class), which generated
 *       consumers supply, so one deserializer serves a multi-event topic;</li>
 *   <li>else, with {@code specific.avro.reader=true}, the generated class of that name on the class path;</li>
 *   <li>else a {@code GenericRecord}.</li>
 * </ol>
 * Data is read with Avro schema resolution (writer schema → the class's schema), so an older or
 * newer compatible writer is fine.
 *
 * <p>Records that can never be read raise {@link PoisonRecordException}; a registry that does not
 * answer, fails, refuses the credentials or is not at the configured path raises
 * {@link SchemaFetchException} (the record may be fine: retry later, never dead-letter it).
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient client;
    private SerdeConfig config;
    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();
    /** The reader of the previous record's schema id: a topic of one writer schema never reaches the map. */
    private volatile Reader last;
    /** One decoder per thread, for every AvroDeserializer: calls do not nest. */
    private static final ThreadLocal<BinaryDecoder[]> DECODERS = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private record Reader(int id, DatumReader<Object> reader) {}

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public AvroDeserializer() {}

    /** Reads into the given classes by record full name; other records become {@code GenericRecord}s. */
    public AvroDeserializer(SchemaRegistryClient client, Map<String, Class<?>> eventTypes) {
        this.client = client;
        this.config =
                new SerdeConfig(false, false, false, SubjectNamingStrategy.TOPIC, true, true, false, eventTypes, null);
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
                    "AvroDeserializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        int id = WireFormat.schemaId(topic, data);
        Reader cached = last;
        DatumReader<Object> reader;
        if (cached != null && cached.id() == id) {
            reader = cached.reader();
        } else {
            reader = readersById.get(id);
            if (reader == null) {
                reader = readerFor(topic, id);
                readersById.put(id, reader);
            }
            last = new Reader(id, reader);
        }
        BinaryDecoder[] decoders = DECODERS.get();
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoders[0]);
        decoders[0] = decoder;
        try {
            return (T) reader.read(null, decoder);
        } catch (java.io.IOException | RuntimeException e) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNREADABLE_PAYLOAD,
                    topic,
                    id,
                    "the Avro payload does not decode with its writer schema: " + e,
                    e);
        }
    }

    private DatumReader<Object> readerFor(String topic, int id) {
        Schema writer;
        try {
            writer = AvroSchemas.parse(client, client.schemaById(id));
        } catch (SchemaRegistryException e) {
            throw SchemaFetchException.classify(client, topic, id, e);
        } catch (RuntimeException e) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNREADABLE_PAYLOAD,
                    topic,
                    id,
                    "the registered writer schema does not parse as Avro: " + e.getMessage(),
                    e);
        }
        if (writer.getType() == Schema.Type.UNION
                && (config.specificAvroReader() || !config.eventTypes().isEmpty())) {
            // A TOPIC-named multi-event topic: the value schema is a union of the events' records.
            ClassLoader loader = config.eventTypes().values().stream()
                    .findFirst()
                    .map(Class::getClassLoader)
                    .orElse(Thread.currentThread().getContextClassLoader());
            return new SpecificDatumReader<>(writer, writer, new SpecificData(loader));
        }
        Class<?> type = typeFor(writer);
        if (type == null) {
            if (!config.eventTypes().isEmpty() && writer.getType() == Schema.Type.RECORD) {
                throw new PoisonRecordException(
                        PoisonRecordException.Reason.UNKNOWN_EVENT_TYPE,
                        topic,
                        id,
                        "event " + writer.getFullName() + " is not one this consumer knows ("
                                + config.eventTypes().keySet() + "); regenerate the consumer from the current catalog");
            }
            return new GenericDatumReader<>(writer, writer);
        }
        SpecificData model = SpecificData.getForClass(type);
        Schema readerSchema = model.getSchema(type);
        try {
            return new SpecificDatumReader<>(writer, readerSchema, model);
        } catch (AvroTypeException e) {
            throw new PoisonRecordException(
                    PoisonRecordException.Reason.UNREADABLE_PAYLOAD,
                    topic,
                    id,
                    "writer schema " + writer.getFullName() + " cannot be read as " + type.getName() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Class<?> typeFor(Schema writer) {
        if (writer.getType() != Schema.Type.RECORD
                && writer.getType() != Schema.Type.ENUM
                && writer.getType() != Schema.Type.FIXED) {
            return null;
        }
        Class<?> configured = config.eventTypes().get(writer.getFullName());
        if (configured != null) {
            return configured;
        }
        return config.specificAvroReader() ? SpecificData.get().getClass(writer) : null;
    }

    public SchemaRegistryClient client() {
        return client;
    }
}
