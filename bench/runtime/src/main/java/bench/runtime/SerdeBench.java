package bench.runtime;

import com.example.events.EventCatalog;
import com.example.events.UserCreated;
import com.example.repairshop.TicketOpened;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.JsonEventType;
import io.github.eventcat.runtime.serde.JsonMappers;
import io.github.eventcat.runtime.serde.JsonSchemaDeserializer;
import io.github.eventcat.runtime.serde.JsonSchemaSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per record of the runtime's serializers and deserializers, each beside the least the
 * library under it does for the same record (JMH, one thread, average time per call):
 * <ul>
 *   <li>Avro: {@code AvroSerializer} (wire format, schema id cached) against a bare
 *       {@code SpecificDatumWriter} into a reused encoder and buffer, returning a fresh
 *       {@code byte[]} (a serializer must: Kafka keeps it); {@code AvroDeserializer} against a bare
 *       {@code SpecificDatumReader} over a reused decoder;</li>
 *   <li>JSON Schema: {@code JsonSchemaSerializer} with validation off and on against Jackson's
 *       {@code writeValueAsBytes}; {@code JsonSchemaDeserializer} against Jackson's {@code readValue}
 *       (the same mapper, {@link JsonMappers#standard()}).</li>
 * </ul>
 * The serdes are built as the generated producers and consumers build them; the registry's URL
 * comes from {@code -Dbench.registry.url} ({@link SerdeRatios} starts one and registers the
 * example catalog). A pool of 1,024 distinct events is cycled through.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerdeBench {
    private static final int POOL = 1024;

    private TicketOpened[] tickets;
    private byte[][] ticketBytes;
    private UserCreated[] users;
    private byte[][] userBytes;
    private int next;

    private AvroSerializer<TicketOpened> avroSerializer;
    private AvroDeserializer<Object> avroDeserializer;
    private SpecificDatumWriter<TicketOpened> bareWriter;
    private ByteArrayOutputStream bareOut;
    private BinaryEncoder bareEncoder;
    private SpecificDatumReader<TicketOpened> bareReader;
    private BinaryDecoder bareDecoder;

    private JsonSchemaSerializer<Object> jsonSerializer;
    private JsonSchemaSerializer<Object> jsonSerializerValidating;
    private JsonSchemaDeserializer<Object> jsonDeserializer;
    private ObjectMapper jackson;

    @Setup(Level.Trial)
    public void setUp() {
        String url = System.getProperty("bench.registry.url");
        if (url == null) {
            throw new IllegalStateException("-Dbench.registry.url is not set: run bench/serde.sh");
        }
        Map<String, Object> config = Map.of("schema.registry.url", url);
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config);

        Map<String, Object> avroSerde = new HashMap<>(config);
        avroSerde.put(SubjectNamingStrategy.VALUE_CONFIG, EventCatalog.Tickets.SUBJECT_NAMING);
        avroSerde.put(SerdeConfig.REGISTRATIONS, EventCatalog.Tickets.REGISTRATIONS);
        avroSerializer = new AvroSerializer<>(registry, SerdeConfig.from(avroSerde, false), false);
        avroDeserializer = new AvroDeserializer<>(registry, EventCatalog.Tickets.EVENT_TYPES);
        bareWriter = new SpecificDatumWriter<>(TicketOpened.class);
        bareOut = new ByteArrayOutputStream(256);
        bareReader = new SpecificDatumReader<>(TicketOpened.class);

        jsonSerializer = jsonSerializer(registry, config, false);
        jsonSerializerValidating = jsonSerializer(registry, config, true);
        jsonDeserializer = new JsonSchemaDeserializer<>(registry, EventCatalog.UserCreated.EVENT_TYPES, UserCreated.class,
                JsonMappers.standard());
        jackson = JsonMappers.standard();

        TicketPool pool = TicketPool.create(POOL, e -> avroSerializer.serialize(EventCatalog.Tickets.NAME, e));
        tickets = pool.events().toArray(new TicketOpened[0]);
        ticketBytes = pool.values().toArray(new byte[0][]);
        Random random = new Random(7);
        List<UserCreated> userList = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            userList.add(UserCreated.builder().userId(new UUID(random.nextLong(), random.nextLong()))
                    .email("user" + i + "@example.com").name("User Number " + i)
                    .createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)).build());
        }
        users = userList.toArray(new UserCreated[0]);
        userBytes = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            userBytes[i] = jsonSerializer.serialize(EventCatalog.UserCreated.NAME, users[i]);
        }
        // The same bytes either way: validation only decides whether an event may be written.
        if (!java.util.Arrays.equals(userBytes[0], jsonSerializerValidating.serialize(EventCatalog.UserCreated.NAME, users[0]))) {
            throw new IllegalStateException("validating and non-validating JSON serializers wrote different bytes");
        }
    }

    private static JsonSchemaSerializer<Object> jsonSerializer(SchemaRegistryClient registry, Map<String, Object> config,
            boolean validate) {
        Map<String, Object> serde = new HashMap<>(config);
        serde.put(SubjectNamingStrategy.VALUE_CONFIG, EventCatalog.UserCreated.SUBJECT_NAMING);
        serde.put(SerdeConfig.REGISTRATIONS, EventCatalog.UserCreated.REGISTRATIONS);
        serde.put(SerdeConfig.JSON_FAIL_INVALID_SCHEMA, validate);
        return new JsonSchemaSerializer<>(registry, SerdeConfig.from(serde, false), false,
                List.of(new JsonEventType<>(UserCreated.class, "UserCreated", EventCatalog.Schemas.USER_CREATED)));
    }

    private int next() {
        return next = (next + 1) & (POOL - 1);
    }

    @Benchmark
    public byte[] avroSerializer() {
        return avroSerializer.serialize(EventCatalog.Tickets.NAME, tickets[next()]);
    }

    @Benchmark
    public byte[] avroBareWriter() throws IOException {
        bareOut.reset();
        bareEncoder = EncoderFactory.get().binaryEncoder(bareOut, bareEncoder);
        bareWriter.write(tickets[next()], bareEncoder);
        bareEncoder.flush();
        return bareOut.toByteArray();
    }

    @Benchmark
    public Object avroDeserializer() {
        return avroDeserializer.deserialize(EventCatalog.Tickets.NAME, ticketBytes[next()]);
    }

    @Benchmark
    public Object avroBareReader() throws IOException {
        byte[] bytes = ticketBytes[next()];
        bareDecoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, bareDecoder);
        return bareReader.read(null, bareDecoder);
    }

    @Benchmark
    public byte[] jsonSerializer() {
        return jsonSerializer.serialize(EventCatalog.UserCreated.NAME, users[next()]);
    }

    @Benchmark
    public byte[] jsonSerializerValidating() {
        return jsonSerializerValidating.serialize(EventCatalog.UserCreated.NAME, users[next()]);
    }

    @Benchmark
    public byte[] jsonJacksonWrite() throws IOException {
        return jackson.writeValueAsBytes(users[next()]);
    }

    @Benchmark
    public Object jsonDeserializer() {
        return jsonDeserializer.deserialize(EventCatalog.UserCreated.NAME, userBytes[next()]);
    }

    @Benchmark
    public Object jsonJacksonRead() throws IOException {
        byte[] bytes = userBytes[next()];
        return jackson.readValue(bytes, 5, bytes.length - 5, UserCreated.class);
    }
}
