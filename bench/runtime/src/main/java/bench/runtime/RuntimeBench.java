package bench.runtime;

import com.example.events.EventCatalog;
import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces and consumes {@code -Devents} (default 1,000,000) {@code TicketOpened} events on an
 * in-process broker through the generated {@code TicketsProducer}/{@code TicketsConsumer} of the
 * example catalog, and the same pre-serialized bytes through a raw
 * {@code KafkaProducer<byte[],byte[]>}/{@code KafkaConsumer<byte[],byte[]>}; prints throughputs,
 * their ratio and the serializer cost per record. Prints figures only: it asserts nothing on time.
 * With {@code -Dobservability=true} it compares the generated clients with metrics and tracing on
 * and off instead ({@link ObservabilityBench}).
 */
public final class RuntimeBench {
    private static final String RAW_TOPIC = "tickets-raw";
    private static final String RAW_AVRO_TOPIC = "tickets-raw-avro";
    /** Guard against a run that would never finish (a lost record); not a timing assertion. */
    private static final Duration CONSUME_GIVE_UP = Duration.ofMinutes(10);
    /** Each consume run is a group of its own, reading from the start. */
    private static final AtomicLong GROUPS = new AtomicLong();

    private RuntimeBench() {}

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 500_000);
        // Warm-up runs (as many events as a round) repeat until throughput stops rising (Rounds).
        int poolSize = Integer.getInteger("pool", 10_000);
        int rounds = Integer.getInteger("rounds", 5);
        Path catalog = Path.of(System.getProperty("catalog", "../../generated-example/src/main/catalog"));

        System.out.printf("Eventcat runtime benchmark: %d rounds of %,d events per path after warm-up, pool of %,d distinct events%n",
                rounds, events, poolSize);
        System.out.printf("Java %s, %d CPUs, max heap %d MB, load average %.2f%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registryServer = EmbeddedSchemaRegistry.start()) {
            Map<String, Object> config = Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "schema.registry.url", registryServer.url());
            SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config);
            new RegistrySync(line -> { }).sync(new SyncRequest(RegistryConnection.of(registryServer.url()), catalog,
                    SyncRequest.DEFAULT_PARALLELISM, false, false, java.util.Optional.empty()));
            int partitions = 3; // what the catalog declares for `tickets`
            kafka.createTopic(EventCatalog.Tickets.NAME, partitions);
            kafka.createTopic(RAW_TOPIC, partitions);
            kafka.createTopic(RAW_AVRO_TOPIC, partitions);

            AvroSerializer<TicketOpened> serializer = serializerLikeGenerated(config, registry);
            TicketPool pool = TicketPool.create(poolSize, e -> serializer.serialize(EventCatalog.Tickets.NAME, e));
            System.out.printf("Event value: %.1f bytes on average (wire format)%n%n", pool.averageValueBytes());

            if (Boolean.getBoolean("observability")) {
                kafka.createTopic(EventCatalog.OrderPlaced.NAME, partitions); // the second input shape (as many partitions)
                ObservabilityBench.run(config, registry, pool, events, rounds);
                return;
            }

            // Three paths per direction, measured in the same rounds: the generated client, a hand-written
            // kafka-clients one doing the same Avro work with Avro's bare SpecificDatumWriter/Reader (the fair
            // baseline: the target's), and a bytes-only one that does no Avro work at all (the floor of Kafka itself).
            int schemaId = ByteBuffer.wrap(pool.values().get(0), 1, 4).getInt();
            Rounds.Multi produceAll = Rounds.compareAll(
                    List.of("produce raw Avro (SpecificDatumWriter)", "produce generated TicketsProducer", "produce raw bytes (pre-serialized)"),
                    List.of(() -> produceRawAvro(config, pool, schemaId, events), () -> produceGenerated(config, registry, pool, events),
                            () -> produceRaw(config, pool, events)),
                    rounds);
            // Every consume run is a new group reading `events` records from the start of its topic.
            Rounds.Multi consumeAll = Rounds.compareAll(
                    List.of("consume raw Avro (SpecificDatumReader)", "consume generated TicketsConsumer", "consume raw bytes (no decoding)"),
                    List.of(() -> consumeRawAvro(config, schemaId, events), () -> consumeGenerated(config, registry, events),
                            () -> consumeRaw(config, events)),
                    rounds);

            SerializerCost.Figures cost = SerializerCost.measure(serializer, EventCatalog.Tickets.NAME, pool.events(),
                    Math.min(events, 1_000_000));

            System.out.println();
            System.out.printf("Results (load average now %.2f)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("  Target (issue 16 #6): generated / raw Avro (a hand-written kafka-clients client serializing with Avro's");
            System.out.println("  bare SpecificDatumWriter in the Confluent framing, decoding with SpecificDatumReader):");
            produceAll.pair(0, 1).print("produce", 0.95);
            consumeAll.pair(0, 1).print("consume", 0.90);
            System.out.println("  For reference: generated / raw bytes (no Avro work at all on the raw side; Kafka's own floor):");
            produceAll.pair(2, 1).print("produce", 0);
            consumeAll.pair(2, 1).print("consume", 0);
            System.out.println("  and raw Avro / raw bytes (what Avro itself costs a hand-written client):");
            produceAll.pair(2, 0).print("produce", 0);
            consumeAll.pair(2, 0).print("consume", 0);
            System.out.printf("  serialize AvroSerializer (wire format)    %8.0f ns/record (quick check; bench/serde.sh measures with JMH)%n",
                    cost.runtimeNanos());
            System.out.printf("  serialize bare SpecificDatumWriter        %8.0f ns/record   (runtime / bare = %.2f)%n",
                    cost.bareNanos(), cost.runtimeNanos() / cost.bareNanos());
        }
    }

    /** The serializer exactly as the generated producer builds it. */
    private static AvroSerializer<TicketOpened> serializerLikeGenerated(Map<String, Object> config, SchemaRegistryClient registry) {
        Map<String, Object> serde = new HashMap<>(config);
        serde.put(SubjectNamingStrategy.VALUE_CONFIG, EventCatalog.Tickets.SUBJECT_NAMING);
        serde.put(SerdeConfig.REGISTRATIONS, EventCatalog.Tickets.REGISTRATIONS);
        return new AvroSerializer<>(registry, SerdeConfig.from(serde, false), false);
    }

    /** Events per second, from the first send to the end of {@code flush()}. */
    static Rounds.Sample produceGenerated(Map<String, Object> config, SchemaRegistryClient registry, TicketPool pool, int count) {
        try (TicketsProducer producer = new TicketsProducer(config, registry)) {
            producer.send(pool.events().get(0)).join(); // connection and metadata out of the timing
            List<TicketOpened> events = pool.events();
            long cpu = Rounds.cpuNanos(PRODUCER_THREADS);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(events.get(i % events.size()));
            }
            producer.flush();
            return report("produce generated", count, System.nanoTime() - start, Rounds.cpuNanos(PRODUCER_THREADS) - cpu);
        }
    }

    static Rounds.Sample produceRaw(Map<String, Object> config, TicketPool pool, int count) throws Exception {
        // Same settings as the generated producer: the runtime only adds acks=all and idempotence,
        // which are Kafka's defaults anyway.
        Map<String, Object> producerConfig = Map.of(
                "bootstrap.servers", config.get("bootstrap.servers"),
                "acks", "all",
                "enable.idempotence", true);
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(RAW_TOPIC, pool.keys().get(0), pool.values().get(0))).get();
            List<byte[]> keys = pool.keys();
            List<byte[]> values = pool.values();
            long cpu = Rounds.cpuNanos(PRODUCER_THREADS);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int at = i % keys.size();
                producer.send(new ProducerRecord<>(RAW_TOPIC, keys.get(at), values.get(at)), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
            Rounds.Sample perSecond = report("produce raw", count, System.nanoTime() - start, Rounds.cpuNanos(PRODUCER_THREADS) - cpu);
            if (failures.get() > 0) {
                System.out.printf("  (%,d raw sends failed)%n", failures.get());
            }
            return perSecond;
        }
    }

    /**
     * What a team writes by hand with kafka-clients: each event serialized on the send path with
     * Avro's bare {@code SpecificDatumWriter} in the Confluent framing (magic byte, the schema id
     * looked up once at start, Avro binary) into a reused buffer and encoder, keyed by its ticket id
     * as text, sent as bytes with a callback that counts failures.
     */
    static Rounds.Sample produceRawAvro(Map<String, Object> config, TicketPool pool, int schemaId, int count) throws Exception {
        Map<String, Object> producerConfig = Map.of(
                "bootstrap.servers", config.get("bootstrap.servers"),
                "acks", "all",
                "enable.idempotence", true);
        AtomicLong failures = new AtomicLong();
        SpecificDatumWriter<TicketOpened> writer = new SpecificDatumWriter<>(TicketOpened.getClassSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(RAW_AVRO_TOPIC, pool.events().get(0).getTicketId().toString(), pool.values().get(0))).get();
            List<TicketOpened> events = pool.events();
            long cpu = Rounds.cpuNanos(PRODUCER_THREADS);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                TicketOpened event = events.get(i % events.size());
                out.reset();
                out.write(0);
                out.write(schemaId >>> 24);
                out.write(schemaId >>> 16);
                out.write(schemaId >>> 8);
                out.write(schemaId);
                encoder = EncoderFactory.get().directBinaryEncoder(out, encoder);
                writer.write(event, encoder);
                producer.send(new ProducerRecord<>(RAW_AVRO_TOPIC, event.getTicketId().toString(), out.toByteArray()), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
            Rounds.Sample perSecond = report("produce raw Avro", count, System.nanoTime() - start, Rounds.cpuNanos(PRODUCER_THREADS) - cpu);
            if (failures.get() > 0) {
                System.out.printf("  (%,d raw Avro sends failed)%n", failures.get());
            }
            return perSecond;
        }
    }

    /**
     * The hand-written consumer: a {@code KafkaConsumer<byte[],byte[]>} that checks each value's
     * magic byte and schema id and decodes it with {@code SpecificDatumReader} (a reused decoder, a
     * new event per record, as the generated consumer gives its handler), hands it to the same
     * counting handler, and commits after each poll.
     */
    static Rounds.Sample consumeRawAvro(Map<String, Object> config, int schemaId, long expected) throws IOException {
        Map<String, Object> consumerConfig = Map.of(
                "bootstrap.servers", config.get("bootstrap.servers"),
                "group.id", "bench-raw-avro-" + GROUPS.incrementAndGet(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", false);
        CountingClock clock = new CountingClock(expected);
        SpecificDatumReader<TicketOpened> reader = new SpecificDatumReader<>(TicketOpened.getClassSchema());
        BinaryDecoder decoder = null;
        long checksum = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(RAW_AVRO_TOPIC));
            long giveUp = System.nanoTime() + CONSUME_GIVE_UP.toNanos();
            while (!clock.done() && System.nanoTime() < giveUp) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    byte[] value = record.value();
                    if (value.length < 5 || value[0] != 0 || ByteBuffer.wrap(value, 1, 4).getInt() != schemaId) {
                        throw new IllegalStateException("not a TicketOpened in the wire format: " + record);
                    }
                    decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, decoder);
                    TicketOpened event = reader.read(null, decoder);
                    checksum += event.getRequester().getAge();
                    clock.tick();
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        }
        if (checksum == 0) {
            throw new IllegalStateException("nothing decoded");
        }
        return clock.report("consume raw Avro");
    }

    /** A tickets handler that counts every event it is given on the clock. */
    static TicketsHandler ticking(CountingClock clock) {
        return new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                clock.tick();
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                clock.tick();
            }
        };
    }

    /** Events per second from the first record handled to the last (group join excluded). */
    static Rounds.Sample consumeGenerated(Map<String, Object> config, SchemaRegistryClient registry, long expected)
            throws InterruptedException {
        Map<String, Object> consumerConfig = new HashMap<>(config);
        consumerConfig.put("group.id", "bench-generated-" + GROUPS.incrementAndGet());
        CountingClock clock = new CountingClock(expected);
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, ticking(clock), registry).start()) {
            clock.await("consume generated");
            consumer.failure().ifPresent(f -> System.out.println("  consumer stopped: " + f));
        }
        return clock.report("consume generated");
    }

    static Rounds.Sample consumeRaw(Map<String, Object> config, long expected) {
        Map<String, Object> consumerConfig = Map.of(
                "bootstrap.servers", config.get("bootstrap.servers"),
                "group.id", "bench-raw-" + GROUPS.incrementAndGet(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", false);
        CountingClock clock = new CountingClock(expected);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(RAW_TOPIC));
            long giveUp = System.nanoTime() + CONSUME_GIVE_UP.toNanos();
            while (!clock.done() && System.nanoTime() < giveUp) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                records.forEach(r -> clock.tick());
                if (!records.isEmpty()) {
                    consumer.commitAsync(); // the generated consumer commits after each poll too
                }
            }
        }
        return clock.report("consume raw");
    }

    /** The kafka client's own I/O thread, whose CPU time counts with the sending thread's. */
    static final String PRODUCER_THREADS = "kafka-producer-network-thread";

    static Rounds.Sample report(String what, long count, long nanos, long cpuNanos) {
        double perSecond = count / (nanos / 1e9);
        System.out.printf("  %-20s %,10d events in %7.2f s = %,12.0f events/s, client CPU %,6.0f ns/event%n", what, count, nanos / 1e9,
                perSecond, (double) cpuNanos / count);
        return new Rounds.Sample(perSecond, (double) cpuNanos / count);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Counts records and remembers when (and at what CPU time of the consuming thread) the first and the last one arrived. */
    static final class CountingClock {
        private final long expected;
        private final AtomicLong seen = new AtomicLong();
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile long first;
        private volatile long last;
        private volatile long firstCpu;
        private volatile long lastCpu;

        CountingClock(long expected) {
            this.expected = expected;
        }

        void tick() {
            long now = System.nanoTime();
            long n = seen.incrementAndGet();
            if (n == 1) {
                first = now;
                firstCpu = THREADS.getCurrentThreadCpuTime(); // the consuming thread: it polls, decodes and handles
            }
            if (n == expected) {
                last = now;
                lastCpu = THREADS.getCurrentThreadCpuTime();
                finished.countDown();
            }
        }

        boolean done() {
            return finished.getCount() == 0;
        }

        void await(String what) throws InterruptedException {
            if (!finished.await(CONSUME_GIVE_UP.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.printf("  %s: gave up after %s with %,d of %,d records%n", what, CONSUME_GIVE_UP, seen.get(), expected);
            }
        }

        Rounds.Sample report(String what) {
            if (!done()) {
                System.out.printf("  %s: only %,d of %,d records arrived%n", what, seen.get(), expected);
                return new Rounds.Sample(Double.NaN, Double.NaN);
            }
            return RuntimeBench.report(what, expected, last - first, lastCpu - firstCpu);
        }
    }
}
