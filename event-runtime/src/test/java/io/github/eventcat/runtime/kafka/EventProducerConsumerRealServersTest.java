package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.TestClients;
import io.github.eventcat.runtime.registry.RetryPolicy;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketClosed;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.Await;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** EventProducer and EventConsumer on the real broker and registry. */
@WithRealServers
class EventProducerConsumerRealServersTest {
    private static final Map<String, Class<?>> TYPES = Map.of(
            TicketOpened.SCHEMA$.getFullName(),
            TicketOpened.class,
            TicketClosed.SCHEMA$.getFullName(),
            TicketClosed.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    EventProducerConsumerRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", "true");
        config.put("value.subject.name.strategy", "topic_record");
        config.put("eventcat.consumer.retry.backoff.ms", "20");
        return config;
    }

    private EventProducer<SpecificRecord> producer(String topic, Map<String, Object> config) {
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(config);
        return EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0)) // ticket_id is the first field of both events
                .valueSerializer(new AvroSerializer<>(client, SerdeConfig.from(config, false), false))
                .build();
    }

    private EventConsumer.Builder<Object> consumer(String topic, Map<String, Object> config) {
        return EventConsumer.builder(config)
                .topics(topic)
                .groupId("group-" + UUID.randomUUID())
                .valueDeserializer(new AvroDeserializer<>(SchemaRegistryClient.fromConfig(config), TYPES));
    }

    private long committedTotal(String groupId) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    @Test
    void sendsKeyedEventsAndDispatchesThemByType() throws Exception {
        String topic = "tickets-flow";
        kafka.createTopic(topic, 3);
        Map<String, Object> config = config();
        List<RecordMetadata> sent = new ArrayList<>();
        try (EventProducer<SpecificRecord> producer = producer(topic, config)) {
            for (int i = 0; i < 30; i++) {
                sent.add(producer.send(new TicketOpened("t-" + i, "c" + i, 1), Map.of("trace-id", "tr-" + i))
                        .get());
                sent.add(producer.send(new TicketClosed("t-" + i, "ok")).get());
            }
        }
        // Same key, same partition.
        assertThat(sent.get(0).partition()).isEqualTo(sent.get(1).partition());

        Queue<String> opened = new ConcurrentLinkedQueue<>();
        Queue<String> closed = new ConcurrentLinkedQueue<>();
        Map<String, String> traces = new ConcurrentHashMap<>();
        String group = "flow-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, config)
                .groupId(group)
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (event, context) -> {
                            assertThat(context.key()).isEqualTo(event.getTicketId());
                            opened.add(event.getTicketId());
                            traces.put(event.getTicketId(), context.header("trace-id"));
                        })
                        .on(TicketClosed.class, (event, context) -> closed.add(event.getTicketId()))
                        .build())
                .build()
                .start();
        Await.until(() -> opened.size() + closed.size() >= 60);
        consumer.close();

        assertThat(opened).hasSize(30).doesNotHaveDuplicates();
        assertThat(closed).hasSize(30).doesNotHaveDuplicates();
        assertThat(traces).containsEntry("t-7", "tr-7");
        assertThat(committedTotal(group)).isEqualTo(60);
        assertThat(consumer.failure()).isEmpty();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithHeadersAndTheConsumerMovesOn() throws Exception {
        String topic = "tickets-poison";
        kafka.createTopic(topic, 1);
        kafka.createTopic(topic + ".dlq", 1);
        Map<String, Object> config = config();
        try (EventProducer<SpecificRecord> producer = producer(topic, config);
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new TicketOpened("t-1", "a", 1)).get();
            raw.send(new ProducerRecord<>(
                            topic,
                            null,
                            "t-2".getBytes(StandardCharsets.UTF_8),
                            "not avro at all".getBytes(StandardCharsets.UTF_8),
                            List.<Header>of(new RecordHeader("origin", "legacy-app".getBytes(StandardCharsets.UTF_8)))))
                    .get();
            producer.send(new TicketOpened("t-3", "c", 1)).get();
        }

        Queue<String> handled = new ConcurrentLinkedQueue<>();
        String group = "poison-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, config)
                .groupId(group)
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId()))
                        .build())
                .build()
                .start();
        Await.until(() -> handled.size() >= 2);
        consumer.close();

        assertThat(handled).containsExactly("t-1", "t-3");
        List<ConsumerRecord<String, byte[]>> dead =
                TestClients.readAllBytes(kafka.bootstrapServers(), topic + ".dlq", 1);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> record = dead.get(0);
        assertThat(record.key()).isEqualTo("t-2");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(header(record, "origin")).isEqualTo("legacy-app");
        assertThat(header(record, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(header(record, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(header(record, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(PoisonRecordException.class.getName());
        assertThat(header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("magic byte 0");
        assertThat(Instant.parse(header(record, DeadLetterHeaders.FAILED_AT)))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(header(record, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        assertThat(committedTotal(group)).isEqualTo(3);
    }

    @Test
    void aThrowingHandlerIsRetriedThenDeadLetteredAndNothingIsLostOrDuplicated() throws Exception {
        String topic = "tickets-retry";
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic + ".dlq", 1);
        Map<String, Object> config = config();
        try (EventProducer<SpecificRecord> producer = producer(topic, config)) {
            for (int i = 0; i < 20; i++) {
                producer.send(new TicketOpened("t-" + i, "c", 1));
            }
            producer.flush();
        }

        Queue<String> handled = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<Integer> attemptsSeenByFlaky = Collections.synchronizedList(new ArrayList<>());
        String group = "retry-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, config)
                .groupId(group)
                .retry(RetryPolicy.ofAttempts(3, Duration.ofMillis(10), Duration.ofMillis(40)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (event, context) -> {
                            String id = event.getTicketId();
                            int call = calls.computeIfAbsent(id, k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (id.equals("t-5")) {
                                throw new IllegalStateException("garage closed for " + id);
                            }
                            if (id.equals("t-9")) {
                                attemptsSeenByFlaky.add(context.attempt());
                                if (call == 1) {
                                    throw new IllegalStateException("flaky once");
                                }
                            }
                            handled.add(id);
                        })
                        .build())
                .build()
                .start();
        Await.until(() -> handled.size() >= 19
                && calls.getOrDefault("t-5", new AtomicInteger()).get() >= 3);
        List<ConsumerRecord<String, byte[]>> dead =
                TestClients.readAllBytes(kafka.bootstrapServers(), topic + ".dlq", 1);
        consumer.close();

        assertThat(handled).hasSize(19).doesNotHaveDuplicates().doesNotContain("t-5");
        assertThat(calls.get("t-5")).hasValue(3);
        assertThat(attemptsSeenByFlaky).containsExactly(1, 2);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("t-5");
        assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("garage closed for t-5");
        assertThat(header(dead.get(0), DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        // The dead-lettered bytes are the original record: they still deserialize to the event.
        AvroDeserializer<Object> check = new AvroDeserializer<>(SchemaRegistryClient.fromConfig(config), TYPES);
        assertThat(check.deserialize(topic, dead.get(0).value())).isEqualTo(new TicketOpened("t-5", "c", 1));
        assertThat(committedTotal(group)).isEqualTo(20);
    }

    @Test
    void parallelLanesKeepPerKeyOrderAndCommitEverything() throws Exception {
        String topic = "tickets-lanes";
        kafka.createTopic(topic, 3);
        Map<String, Object> config = config();
        int keys = 12;
        int perKey = 40;
        try (EventProducer<SpecificRecord> producer = producer(topic, config)) {
            for (int n = 0; n < perKey; n++) {
                for (int k = 0; k < keys; k++) {
                    producer.send(new TicketOpened("key-" + k, "c", n));
                }
            }
            producer.flush();
        }

        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        Map<String, String> threadOfKey = new ConcurrentHashMap<>();
        Queue<String> keyOnTwoThreads = new ConcurrentLinkedQueue<>();
        String group = "lanes-" + UUID.randomUUID();
        EventConsumer<Object> consumer = consumer(topic, config)
                .groupId(group)
                .lanes(4)
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (event, context) -> {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // shuffle the lanes' pace
                            String thread = Thread.currentThread().getName();
                            if (!threadOfKey
                                    .computeIfAbsent(event.getTicketId(), k -> thread)
                                    .equals(thread)) {
                                keyOnTwoThreads.add(event.getTicketId());
                            }
                            seen.computeIfAbsent(
                                            event.getTicketId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(event.getPriority());
                            total.incrementAndGet();
                        })
                        .build())
                .build()
                .start();
        Await.until(() -> total.get() >= keys * perKey);
        consumer.close();

        List<Integer> inOrder = new ArrayList<>();
        for (int n = 0; n < perKey; n++) {
            inOrder.add(n);
        }
        assertThat(seen).hasSize(keys);
        assertThat(seen.values()).allSatisfy(sequence -> assertThat(sequence).isEqualTo(inOrder));
        assertThat(keyOnTwoThreads).isEmpty();
        assertThat(threadOfKey.values()).allSatisfy(name -> assertThat(name).contains("-lane-"));
        assertThat(committedTotal(group)).isEqualTo((long) keys * perKey);
    }

    @Test
    void abortedTransactionsAreInvisibleToReadCommittedConsumers() throws Exception {
        String topic = "tickets-tx";
        kafka.createTopic(topic, 1);
        Map<String, Object> config = config();
        config.put("transactional.id", "tx-" + UUID.randomUUID());
        try (EventProducer<SpecificRecord> producer = producer(topic, config)) {
            assertThat(producer.isTransactional()).isTrue();
            producer.inTransaction(p -> {
                p.send(new TicketOpened("t-committed-1", "a", 1));
                p.send(new TicketOpened("t-committed-2", "a", 1));
            });
            try {
                producer.inTransaction(p -> {
                    p.send(new TicketOpened("t-aborted-1", "b", 1));
                    p.send(new TicketOpened("t-aborted-2", "b", 1));
                    p.flush(); // really on the broker before the abort
                    throw new IllegalStateException("payment failed");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("payment failed");
            }
            producer.inTransaction(p -> p.send(new TicketClosed("t-committed-1", "last")));
        }

        Queue<String> handled = new ConcurrentLinkedQueue<>();
        Map<String, Object> consumerConfig = config();
        EventConsumer<Object> consumer = consumer(topic, consumerConfig)
                .readCommitted()
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (e, c) -> handled.add(e.getTicketId()))
                        .on(TicketClosed.class, (e, c) -> handled.add("closed:" + e.getTicketId()))
                        .build())
                .build()
                .start();
        Await.until(() -> handled.contains("closed:t-committed-1"));
        consumer.close();

        assertThat(handled).containsExactly("t-committed-1", "t-committed-2", "closed:t-committed-1");
        // A read_uncommitted reader does see the aborted records: they were written, then aborted.
        List<ConsumerRecord<String, byte[]>> all = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 5);
        assertThat(all).extracting(ConsumerRecord::key).contains("t-aborted-1", "t-aborted-2");
    }

    @Test
    void aConsumerStoppedMidStreamAndRestartedLosesNothing() throws Exception {
        String topic = "tickets-restart";
        kafka.createTopic(topic, 2);
        Map<String, Object> config = config();
        try (EventProducer<SpecificRecord> producer = producer(topic, config)) {
            for (int i = 0; i < 200; i++) {
                producer.send(new TicketOpened("t-" + i, "c", 1));
            }
            producer.flush();
        }
        String group = "restart-" + UUID.randomUUID();
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        EventHandler<Object> slow = EventDispatcher.builder()
                .on(TicketOpened.class, (e, c) -> {
                    Thread.sleep(1);
                    handled.add(e.getTicketId());
                })
                .build();

        EventConsumer<Object> first =
                consumer(topic, config).groupId(group).handler(slow).build().start();
        Await.until(() -> handled.size() >= 50);
        first.close();
        EventConsumer<Object> second =
                consumer(topic, config).groupId(group).handler(slow).build().start();
        Await.until(() -> handled.stream().distinct().count() >= 200);
        second.close();

        assertThat(handled.stream().distinct()).hasSize(200);
        // A graceful stop commits what it finished: at most the record in hand is seen twice.
        assertThat(handled.size()).isLessThanOrEqualTo(202);
        assertThat(committedTotal(group)).isEqualTo(200);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
