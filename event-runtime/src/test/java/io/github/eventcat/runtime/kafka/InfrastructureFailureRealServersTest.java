package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketClosed;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.TcpForwarder;
import io.github.eventcat.testservers.WithRealServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 13 §2 on the real broker and registry: an infrastructure failure (registry down, a wrong
 * registry URL, a dead-letter topic that refuses the write) never dead-letters a valid event and
 * never commits past an unfinished record; the consumer pauses, says why, and resumes in order.
 */
@WithRealServers
class InfrastructureFailureRealServersTest {
    private static final Map<String, Class<?>> TYPES = Map.of(
            TicketOpened.SCHEMA$.getFullName(),
            TicketOpened.class,
            TicketClosed.SCHEMA$.getFullName(),
            TicketClosed.class);
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    InfrastructureFailureRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(EventConsumer.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(EventConsumer.class)).detachAppender(log);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", "true");
        config.put("value.subject.name.strategy", "topic_record");
        return config;
    }

    /** The consumer's config: the registry at {@code registryUrl}, quick retries so the test is short. */
    private Map<String, Object> consumerConfig(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registryUrl);
        config.put("max.retries", "0");
        config.put("schema.registry.connect.timeout.ms", "1000");
        config.put("eventcat.consumer.retry.backoff.ms", "20");
        config.put("eventcat.consumer.pause.backoff.ms", "100");
        config.put("eventcat.consumer.pause.backoff.max.ms", "400");
        config.put(EventConsumer.LAG_INTERVAL_MS, "200");
        return config;
    }

    private EventProducer<SpecificRecord> producer(String topic) {
        Map<String, Object> config = producerConfig();
        return EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0))
                .valueSerializer(new AvroSerializer<>(
                        SchemaRegistryClient.fromConfig(config), SerdeConfig.from(config, false), false))
                .build();
    }

    private EventConsumer.Builder<Object> consumer(String topic, String group, Map<String, Object> config) {
        return EventConsumer.builder(config)
                .topics(topic)
                .groupId(group)
                .valueDeserializer(new AvroDeserializer<>(SchemaRegistryClient.fromConfig(config), TYPES));
    }

    @ParameterizedTest(name = "lanes={0}")
    @ValueSource(ints = {1, 3})
    void registryDownMidStreamPausesThenResumesWithoutLossReorderingOrDeadLetters(int lanes) throws Exception {
        String topic = "outage-" + lanes;
        String dlq = topic + ".dlq";
        kafka.createTopic(topic, 2);
        kafka.createTopic(dlq, 1);
        List<String> keys = List.of("k0", "k1", "k2", "k3", "k4", "k5");
        Map<String, List<String>> sent = new LinkedHashMap<>();
        keys.forEach(key -> sent.put(key, new ArrayList<>()));

        try (TcpForwarder registryPort = TcpForwarder.start("127.0.0.1", registry.port());
                EventProducer<SpecificRecord> producer = producer(topic)) {
            String viaForwarder = "http://127.0.0.1:" + registryPort.port() + "/apis/ccompat/v7";
            for (int n = 0; n < 5; n++) {
                for (String key : keys) {
                    producer.send(new TicketOpened(key, "c", n));
                    sent.get(key).add("opened:" + n);
                }
            }
            producer.flush();

            Map<String, List<String>> handled = new ConcurrentHashMap<>();
            Queue<String> handledOffsets = new ConcurrentLinkedQueue<>();
            String group = "outage-" + UUID.randomUUID();
            EventConsumer<Object> consumer = consumer(topic, group, consumerConfig(viaForwarder))
                    .lanes(lanes)
                    .handler(EventDispatcher.builder()
                            .on(TicketOpened.class, (e, c) -> {
                                handled.computeIfAbsent(
                                                e.getTicketId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add("opened:" + e.getPriority());
                                handledOffsets.add(c.partition() + "@" + c.offset());
                            })
                            .on(TicketClosed.class, (e, c) -> {
                                handled.computeIfAbsent(
                                                e.getTicketId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add("closed:" + e.getResolution());
                                handledOffsets.add(c.partition() + "@" + c.offset());
                            })
                            .build())
                    .build()
                    .start();
            try {
                assertThat(within(() -> handledOffsets.size() == 30))
                        .as("first 30 events handled")
                        .isTrue();
                assertThat(within(() -> committedTotal(group) == 30))
                        .as("first 30 committed")
                        .isTrue();

                // The registry goes down; then a new event type arrives, whose schema the consumer has never fetched.
                registryPort.stop();
                for (String key : keys) {
                    producer.send(new TicketClosed(key, "r"));
                    sent.get(key).add("closed:r");
                    for (int n = 5; n < 8; n++) {
                        producer.send(new TicketOpened(key, "c", n));
                        sent.get(key).add("opened:" + n);
                    }
                }
                producer.flush();

                assertThat(within(() -> consumer.health().isPaused()))
                        .as("paused")
                        .isTrue();
                ConsumerHealth paused = consumer.health();
                assertThat(paused.reason())
                        .contains(viaForwarder)
                        .contains("check that the registry is running and reachable");
                assertThat(warnings())
                        .anySatisfy(line ->
                                assertThat(line).contains("paused at record").contains(viaForwarder));
                Thread.sleep(1_500); // several retries while down
                // Per key, nothing after a stuck TicketClosed may run: the first new record of every key is one.
                assertThat(handled.values())
                        .allSatisfy(events -> assertThat(events).noneMatch(e -> e.startsWith("closed")));
                assertThat(committedTotal(group))
                        .as("nothing committed past a stuck record")
                        .isEqualTo(handledOffsets.size());
                assertThat(endOffset(dlq)).as("nothing dead-lettered").isZero();
                assertThat(consumer.health().isPaused()).isTrue();
                // The health shows both partitions and the 24 records behind the stuck ones.
                assertThat(consumer.health().assignedPartitions())
                        .containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
                assertThat(within(() -> consumer.health().totalLag() == 24))
                        .as("lag 24 while paused")
                        .isTrue();

                registryPort.restart();
                assertThat(within(() -> handledOffsets.size() >= 54))
                        .as("all 54 events handled")
                        .isTrue();
                assertThat(within(() -> committedTotal(group) == 54))
                        .as("all 54 committed")
                        .isTrue();
                assertThat(within(() -> !consumer.health().isPaused()))
                        .as("running again")
                        .isTrue();
                assertThat(within(() -> consumer.health().totalLag() == 0))
                        .as("lag 0 after catch-up")
                        .isTrue();
            } finally {
                consumer.close();
            }

            assertThat(handledOffsets).hasSize(54).doesNotHaveDuplicates();
            assertThat(handled).isEqualTo(sent); // every event once, in its key's order
            assertThat(endOffset(dlq)).isZero();
            assertThat(consumer.failure()).isEmpty();
            assertThat(infos()).anySatisfy(line -> assertThat(line).contains("resumed after"));
        }
    }

    @Test
    void aRegistryUrlWithAWrongPathNeverCommitsNorDeadLettersAndSaysWhatIsWrong() throws Exception {
        String topic = "wrong-path";
        String dlq = topic + ".dlq";
        kafka.createTopic(topic, 1);
        kafka.createTopic(dlq, 1);
        try (EventProducer<SpecificRecord> producer = producer(topic)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new TicketOpened("t-" + i, "c", 1));
            }
            producer.flush();
        }
        // The usual mistake with Apicurio: the server's root instead of its Confluent API base.
        String wrong = "http://127.0.0.1:" + registry.port();
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        String group = "wrong-path-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, group, consumerConfig(wrong))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId()))
                        .build())
                .build()
                .start();
        try {
            assertThat(within(() -> consumer.health().isPaused())).as("paused").isTrue();
            Thread.sleep(1_500);
            assertThat(consumer.health().isPaused()).isTrue();
            assertThat(consumer.health().reason())
                    .contains(wrong + "/schemas/ids/")
                    .contains("HTTP 404")
                    .contains("the URL path looks wrong")
                    .contains("/apis/ccompat/v7");
            assertThat(warnings()).anySatisfy(line -> assertThat(line)
                    .contains("the URL path looks wrong")
                    .contains(wrong));
            assertThat(handled).isEmpty();
            assertThat(committed(group)).as("no offset committed").isEmpty();
            assertThat(endOffset(dlq)).as("nothing dead-lettered").isZero();
        } finally {
            consumer.close();
        }
        assertThat(committed(group)).isEmpty();
        assertThat(endOffset(dlq)).isZero();
    }

    @ParameterizedTest(name = "lanes={0}")
    @ValueSource(ints = {1, 3})
    void aFailingDeadLetterWriteCommitsNothingPastThePoisonRecordUntilItSucceeds(int lanes) throws Exception {
        String topic = "dlq-refuses-" + lanes;
        String dlq = topic + ".dlq";
        kafka.createTopic(topic, 1);
        try (Admin admin = kafka.admin()) {
            // A dead-letter topic that refuses every write: nothing fits in 64 bytes.
            admin.createTopics(List.of(new NewTopic(dlq, 1, (short) 1).configs(Map.of("max.message.bytes", "64"))))
                    .all()
                    .get();
        }
        try (EventProducer<SpecificRecord> producer = producer(topic);
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new TicketOpened("t-0", "a", 1)).get();
            raw.send(new ProducerRecord<>(
                            topic, "t-0".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new TicketOpened("t-0", "c", 2)).get();
            producer.send(new TicketOpened("t-9", "d", 3)).get();
        }
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        String group = "dlq-refuses-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, group, consumerConfig(registry.url()))
                .lanes(lanes)
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId() + "/" + e.getPriority()))
                        .build())
                .build()
                .start();
        try {
            assertThat(within(() -> consumer.health().isPaused())).as("paused").isTrue();
            assertThat(consumer.health().reason())
                    .contains("dead-letter topic " + dlq)
                    .contains(topic + "-0@1");
            assertThat(within(() -> committedTotal(group) == 1))
                    .as("the record before the poison one committed")
                    .isTrue();
            Thread.sleep(1_500);
            assertThat(committed(group))
                    .as("nothing committed past the poison record")
                    .containsExactly(Map.entry(new TopicPartition(topic, 0), 1L));
            assertThat(handled).contains("t-0/1").doesNotContain("t-0/2");
            if (lanes == 1) {
                assertThat(handled).containsExactly("t-0/1");
            }

            try (Admin admin = kafka.admin()) {
                admin.incrementalAlterConfigs(Map.of(
                                new ConfigResource(ConfigResource.Type.TOPIC, dlq),
                                List.of(new AlterConfigOp(
                                        new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET))))
                        .all()
                        .get();
            }
            assertThat(within(() -> committedTotal(group) == 4))
                    .as("everything committed once the write passes")
                    .isTrue();
        } finally {
            consumer.close();
        }
        assertThat(handled).containsExactlyInAnyOrder("t-0/1", "t-0/2", "t-9/3");
        assertThat(endOffset(dlq)).isEqualTo(1);
        assertThat(consumer.health().status()).isEqualTo(ConsumerHealth.Status.STOPPED);
    }

    @Test
    void aDeadLetterTopicThatCannotExistPausesOnThePoisonRecordForever() throws Exception {
        String topic = "dlq-invalid";
        String dlq = "no such topic!"; // not a legal topic name: never creatable
        kafka.createTopic(topic, 1);
        try (EventProducer<SpecificRecord> producer = producer(topic);
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new TicketOpened("t-0", "a", 1)).get();
            raw.send(new ProducerRecord<>(topic, "t-1".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2}))
                    .get();
            producer.send(new TicketOpened("t-2", "c", 2)).get();
        }
        Map<String, Object> config = consumerConfig(registry.url());
        config.put(EventConsumer.DLQ_TOPIC, dlq);
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        String group = "dlq-invalid-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, group, config)
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId()))
                        .build())
                .build()
                .start();
        try {
            assertThat(within(() -> consumer.health().isPaused())).as("paused").isTrue();
            assertThat(consumer.health().reason())
                    .contains("dead-letter topic " + dlq)
                    .contains(topic + "-0@1");
            assertThat(within(() -> committedTotal(group) == 1)).isTrue();
            Thread.sleep(1_500);
            assertThat(consumer.health().isPaused()).isTrue();
            assertThat(handled).containsExactly("t-0");
            assertThat(committed(group)).containsExactly(Map.entry(new TopicPartition(topic, 0), 1L));
        } finally {
            consumer.close();
        }
        assertThat(committed(group)).containsExactly(Map.entry(new TopicPartition(topic, 0), 1L));
        assertThat(consumer.failure()).isEmpty();
    }

    private List<String> warnings() {
        return messages(Level.WARN);
    }

    private List<String> infos() {
        return messages(Level.INFO);
    }

    private List<String> messages(Level level) {
        return log.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static boolean within(BooleanSupplier condition) throws InterruptedException {
        long giveUpAt = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUpAt) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            offsets.put(partition, offset.offset());
                        }
                    });
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long committedTotal(String group) {
        return committed(group).values().stream().mapToLong(Long::longValue).sum();
    }

    private long endOffset(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
        }
    }
}
