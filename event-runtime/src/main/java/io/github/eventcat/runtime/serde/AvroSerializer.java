package io.github.eventcat.runtime.serde;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.SubjectReference;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records ({@code SpecificRecord} generated classes or {@code GenericRecord}) in the
 * Confluent wire format. The schema id is resolved once per (topic, schema) — looked up by
 * default, registered with {@code auto.register.schemas=true}, or the subject's latest with
 * {@code use.latest.version=true} — and then cached: no registry call per record. When the
 * configuration carries the catalog's registration form for the subject
 * ({@link SerdeConfig#REGISTRATIONS}, as generated producers pass it), that form is what is
 * registered or looked up: the catalog file's text with its references, as {@code registry:sync}
 * registers it; else the record's own schema, with referenced types inlined.
 *
 * <p>Kafka may create it by class name (then {@link #configure} reads {@code schema.registry.url}
 * and the {@link SerdeConfig} keys), or code passes a shared {@link SchemaRegistryClient}.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient client;
    private SchemaIdResolver resolver;
    private SerdeConfig config;
    /** Per topic, per schema: what its records are written as. Looked up only when {@link #last} is not it. */
    private final Map<String, Map<Schema, Target>> targetsByTopic = new ConcurrentHashMap<>();
    /** The (topic, schema) of the previous record: a topic of one event type never reaches the maps. */
    private volatile Target last;
    /** One buffer and encoder per thread, for every AvroSerializer: calls do not nest. */
    private static final ThreadLocal<Output> OUTPUTS = ThreadLocal.withInitial(Output::new);

    /**
     * What a record of one (topic, schema) is written as: the registered schema's id, when that
     * schema is a union (a TOPIC-named subject holding several record types) the record's branch in
     * it (else -1), and the writer. Immutable, so threads share it through {@link #last}.
     */
    private record Target(String topic, Schema schema, int id, int unionBranch, DatumWriter<Object> writer) {
        Target with(DatumWriter<Object> datumWriter) {
            return new Target(topic, schema, id, unionBranch, datumWriter);
        }
    }

    /** A thread's reused buffer and the Avro encoder writing into it (direct: nothing to flush but itself). */
    private static final class Output {
        final WireBuffer buffer = new WireBuffer();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
    }

    /** For Kafka's instantiation by class name; {@link #configure} must follow. */
    public AvroSerializer() {}

    /** Ready to use with default {@link SerdeConfig} for values; {@link #configure} may still override it. */
    public AvroSerializer(SchemaRegistryClient client) {
        this(client, SerdeConfig.defaults(), false);
    }

    public AvroSerializer(SchemaRegistryClient client, SerdeConfig config, boolean isKey) {
        this.client = client;
        this.config = config;
        this.resolver = new SchemaIdResolver(client, config, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClient.fromConfig(configs);
        }
        config = SerdeConfig.from(configs, isKey);
        resolver = new SchemaIdResolver(client, config, isKey);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (resolver == null) {
            throw new IllegalStateException(
                    "AvroSerializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        Schema schema = record.getSchema();
        Target target = last;
        if (target == null || target.schema() != schema || !topic.equals(target.topic())) {
            target = target(topic, schema, record);
            last = target;
        }
        Output output = OUTPUTS.get();
        WireBuffer buffer = output.buffer.start(target.id());
        try {
            if (target.unionBranch() >= 0) {
                // Avro's union encoding (what writing with the union schema gives): branch index, then the value.
                output.encoder.writeIndex(target.unionBranch());
            }
            target.writer().write(record, output.encoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(AvroWriteFailures.message(topic, schema, record, e), e);
        }
        return buffer.toByteArray();
    }

    private Target target(String topic, Schema schema, T record) {
        Map<Schema, Target> targets = targetsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Target target = targets.get(schema);
        if (target == null) {
            // Equal schemas of different GenericRecords share one entry; the writer is made for the first one's.
            target =
                    targets.computeIfAbsent(schema, s -> resolveTarget(topic, s).with(writerFor(record, s)));
        }
        return target;
    }

    private Target resolveTarget(String topic, Schema schema) {
        Optional<SchemaRegistration> registration = resolver.registration(topic, schema.getFullName());
        if (registration.isPresent()) {
            return resolveRegistered(topic, schema, registration.get());
        }
        SchemaDefinition definition =
                SchemaDefinition.avro(AvroSchemas.registryText(schema, config.removeJavaProperties()));
        Schema comparable = new Schema.Parser().parse(definition.schema());
        RegisteredSchema registered = resolver.resolve(
                topic,
                schema.getFullName(),
                definition,
                candidate -> unionBranch(parseOrNull(candidate), comparable, true) != NOT_FOUND);
        if (config.autoRegister()) {
            return new Target(topic, schema, registered.id(), -1, null); // registered as the record's own schema
        }
        Schema registeredSchema = AvroSchemas.parse(client, registered.definition());
        // Found by lookup or as an equal schema; use.latest.version's latest need only write the same bytes.
        int branch = unionBranch(registeredSchema, comparable, false);
        if (branch == NOT_FOUND) {
            // The payload is written with the record's own schema, so the registered one must be it (or a union holding
            // it).
            throw new SchemaLookupException(
                    registered.subject(),
                    schema.getFullName(),
                    (config.useLatestVersion()
                                    ? "use.latest.version: the latest version (" + registered.version() + ")"
                                    : "The schema found (version " + registered.version() + ")")
                            + " of subject " + registered.subject() + " is not the schema of " + schema.getFullName()
                            + " this code was built with, nor a union holding it; regenerate the classes"
                            + (config.useLatestVersion() ? " or turn use.latest.version off" : ""),
                    null);
        }
        return new Target(topic, schema, registered.id(), branch, null);
    }

    /**
     * Through the catalog's registration form: the record is written with its own schema, so the
     * form's (parsed with the schemas it references) must be it, or a union holding it.
     */
    private Target resolveRegistered(String topic, Schema schema, SchemaRegistration registration) {
        int branch = unionBranch(parseForm(registration), schema, false);
        if (branch == NOT_FOUND) {
            throw new SchemaLookupException(
                    registration.subject(),
                    schema.getFullName(),
                    "The catalog's schema for subject "
                            + registration.subject() + " (given in " + SerdeConfig.REGISTRATIONS
                            + ") is not the schema of "
                            + schema.getFullName()
                            + " this code was built with, nor a union holding it; generate the classes and"
                            + " the producers from the same catalog",
                    null);
        }
        return new Target(
                topic,
                schema,
                resolver.resolve(schema.getFullName(), registration).id(),
                branch,
                null);
    }

    private Schema parseForm(SchemaRegistration registration) {
        Schema.Parser parser = new Schema.Parser();
        for (SubjectReference reference : registration.references()) {
            SchemaRegistration referenced = config.registrations().get(reference.subject());
            if (!parser.getTypes().containsKey(reference.name())) {
                parseInto(parser, referenced);
            }
        }
        return parser.parse(registration.schema());
    }

    /** Parses a referenced schema after the ones it references, depth first, each once. */
    private void parseInto(Schema.Parser parser, SchemaRegistration registration) {
        for (SubjectReference reference : registration.references()) {
            if (!parser.getTypes().containsKey(reference.name())) {
                parseInto(parser, config.registrations().get(reference.subject()));
            }
        }
        parser.parse(registration.schema());
    }

    private static final int NOT_FOUND = -2;

    /**
     * -1 when {@code registered} is {@code schema}; its branch index when a union holding it; else
     * {@link #NOT_FOUND}. {@code exact}: equal schemas, else the same parsing form (docs, defaults aside).
     */
    private static int unionBranch(Schema registered, Schema schema, boolean exact) {
        if (registered == null) {
            return NOT_FOUND;
        }
        if (sameSchema(registered, schema, exact)) {
            return -1;
        }
        if (registered.getType() == Schema.Type.UNION) {
            List<Schema> branches = registered.getTypes();
            for (int i = 0; i < branches.size(); i++) {
                if (sameSchema(branches.get(i), schema, exact)) {
                    return i;
                }
            }
        }
        return NOT_FOUND;
    }

    private static boolean sameSchema(Schema registered, Schema schema, boolean exact) {
        return exact
                ? registered.equals(schema)
                : SchemaNormalization.parsingFingerprint64(registered)
                        == SchemaNormalization.parsingFingerprint64(schema);
    }

    private Schema parseOrNull(SchemaDefinition candidate) {
        try {
            return AvroSchemas.parse(client, candidate);
        } catch (RuntimeException unparseable) {
            return null; // not this schema, whatever it is
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(GenericContainer record, Schema schema) {
        if (record instanceof SpecificRecord) {
            // The generated class's model carries its logical-type conversions (decimal, uuid, timestamps).
            return new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()));
        }
        return (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema);
    }

    /** The registry client, e.g. to share with a deserializer. */
    public SchemaRegistryClient client() {
        return client;
    }
}
