package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §2 on the real broker and registry: the exact counts of a flow with a handler that fails
 * and recovers, one that never recovers (dead-lettered after its retries) and a poison record; the
 * lag gauge reaching 0 after catch-up, then showing the backlog while paused and after the stop.
 */
@WithRealServers
class ConsumerMetricsRealServersTest {
    private static final Map<String, Class<?>> TYPES = Map.of(
            TicketOpened.SCHEMA$.getFullName(),
            TicketOpened.class,
            TicketClosed.SCHEMA$.getFullName(),
            TicketClosed.class);
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    ConsumerMetricsRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void countsSendsHandlingRetriesDeadLettersAndLag() throws Exception {
        String topic = "metrics-flow";
        String dlq = topic + ".dlq";
        kafka.createTopic(topic, 1);
        kafka.createTopic(dlq, 1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Queue<String> handled = new ConcurrentLinkedQueue<>();

        try (TcpForwarder registryPort = TcpForwarder.start("127.0.0.1", registry.port());
                EventProducer<SpecificRecord> producer = producer(topic, meters, "true");
                EventProducer<SpecificRecord> unregistered = producer("metrics-unregistered", meters, "false");
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(new TicketOpened("flaky", "c", 1)).get(); // fails twice, then passes
            producer.send(new TicketOpened("broken", "c", 2)).get(); // fails three times: dead-lettered
            raw.send(new ProducerRecord<>(
                            topic,
                            "poison".getBytes(StandardCharsets.UTF_8),
                            "not avro".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new TicketOpened("fine", "c", 3)).get();
            // Never registered and auto-registration off: the send fails before reaching the broker.
            assertThat(catching(
                            () -> unregistered.send(new TicketClosed("x", "r")).get()))
                    .isNotNull();

            assertThat(count(meters, "eventcat.producer.sent", topic, "TicketOpened"))
                    .isEqualTo(3);
            assertThat(count(meters, "eventcat.producer.send.failures", topic, "TicketOpened"))
                    .isZero();
            assertThat(count(meters, "eventcat.producer.send.failures", "metrics-unregistered", "TicketClosed"))
                    .isEqualTo(1);
            assertThat(meters.getMeters())
                    .anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.producer."));

            String viaForwarder = "http://127.0.0.1:" + registryPort.port() + "/apis/ccompat/v7";
            Map<String, Object> config = consumerConfig(viaForwarder);
            config.put(Observability.METRICS_REGISTRY, meters); // the generated consumers' way: in the config map
            String group = "metrics-" + UUID.randomUUID();
            EventConsumer<Object> consumer = EventConsumer.builder(config)
                    .topics(topic)
                    .groupId(group)
                    .valueDeserializer(new AvroDeserializer<>(SchemaRegistryClient.fromConfig(config), TYPES))
                    .handler(EventDispatcher.builder()
                            .on(TicketOpened.class, (e, c) -> {
                                int call = calls.computeIfAbsent(e.getTicketId(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                if (e.getTicketId().equals("broken")
                                        || (e.getTicketId().equals("flaky") && call < 3)) {
                                    throw new IllegalStateException("handler failure " + call);
                                }
                                handled.add(e.getTicketId());
                            })
                            .on(TicketClosed.class, (e, c) -> handled.add("closed:" + e.getTicketId()))
                            .build())
                    .build();
            assertThat(gauge(meters, "eventcat.consumer.status", "status", "new"))
                    .isEqualTo(1);
            consumer.start();
            TopicPartition partition = new TopicPartition(topic, 0);
            try {
                assertThat(within(() -> handled.size() == 2))
                        .as("flaky and fine handled")
                        .isTrue();
                assertThat(within(() -> committed(group) == 4))
                        .as("all four committed")
                        .isTrue();
                assertThat(within(() -> lag(meters, partition) == 0.0))
                        .as("lag gauge 0 after catch-up")
                        .isTrue();
                assertThat(consumer.health().lag()).containsEntry(partition, 0L);
                assertThat(consumer.health().assignedPartitions()).containsExactly(partition);
                assertThat(gauge(meters, "eventcat.consumer.status", "status", "running"))
                        .isEqualTo(1);
                assertThat(gauge(meters, "eventcat.consumer.status", "status", "new"))
                        .isZero();

                assertThat(count(meters, "eventcat.consumer.handled", topic, "TicketOpened"))
                        .isEqualTo(2);
                assertThat(count(meters, "eventcat.consumer.handler.failures", topic, "TicketOpened"))
                        .isEqualTo(5);
                assertThat(count(meters, "eventcat.consumer.retries", topic, "TicketOpened"))
                        .isEqualTo(4);
                assertThat(meters.get("eventcat.consumer.dead.lettered")
                                .tags("topic", topic, "event.type", "TicketOpened", "reason", "handler")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get("eventcat.consumer.dead.lettered")
                                .tags("topic", topic, "event.type", "unreadable", "reason", "poison")
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get("eventcat.consumer.handler")
                                .tags("topic", topic, "event.type", "TicketOpened", "outcome", "success")
                                .timer()
                                .count())
                        .isEqualTo(2);
                assertThat(meters.get("eventcat.consumer.handler")
                                .tags("topic", topic, "event.type", "TicketOpened", "outcome", "failure")
                                .timer()
                                .count())
                        .isEqualTo(5);
                assertThat(meters.getMeters())
                        .anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.consumer."));

                // The registry goes away; a new event type arrives first, then 4 more: 5 unread behind a stuck record.
                registryPort.stop();
                producer.send(new TicketClosed("fine", "r")).get();
                for (int i = 0; i < 4; i++) {
                    producer.send(new TicketOpened("later-" + i, "c", i)).get();
                }
                assertThat(within(() -> consumer.health().isPaused()))
                        .as("paused")
                        .isTrue();
                assertThat(within(() -> lag(meters, partition) == 5.0))
                        .as("lag gauge shows the backlog of 5")
                        .isTrue();
                assertThat(consumer.health().lag()).containsEntry(partition, 5L);
                assertThat(consumer.health().totalLag()).isEqualTo(5);
                assertThat(gauge(meters, "eventcat.consumer.status", "status", "paused"))
                        .isEqualTo(1);
                assertThat(gauge(meters, "eventcat.consumer.status", "status", "running"))
                        .isZero();
            } finally {
                consumer.close();
            }
            // Stopped with 5 unread: the health and the gauge keep the backlog it left behind.
            assertThat(consumer.health().status()).isEqualTo(ConsumerHealth.Status.STOPPED);
            assertThat(consumer.health().lag()).containsEntry(partition, 5L);
            assertThat(consumer.health().assignedPartitions()).containsExactly(partition);
            assertThat(lag(meters, partition)).isEqualTo(5.0);
            assertThat(gauge(meters, "eventcat.consumer.status", "status", "stopped"))
                    .isEqualTo(1);
            assertThat(handled).containsExactly("flaky", "fine");
            // Kafka's own client metrics are unbound with their client.
            assertThat(meters.getMeters())
                    .noneSatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.consumer."));
        }
    }

    private EventProducer<SpecificRecord> producer(String topic, MeterRegistry meters, String autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", autoRegister);
        config.put("value.subject.name.strategy", "topic_record");
        return EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0))
                .valueSerializer(new AvroSerializer<>(
                        SchemaRegistryClient.fromConfig(config), SerdeConfig.from(config, false), false))
                .metrics(meters)
                .build();
    }

    private Map<String, Object> consumerConfig(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registryUrl);
        config.put("max.retries", "0");
        config.put("schema.registry.connect.timeout.ms", "1000");
        config.put(EventConsumer.RETRY_BACKOFF_MS, "20");
        config.put(EventConsumer.PAUSE_BACKOFF_MS, "100");
        config.put(EventConsumer.PAUSE_BACKOFF_MAX_MS, "400");
        config.put(EventConsumer.LAG_INTERVAL_MS, "200");
        return config;
    }

    private static double count(MeterRegistry meters, String name, String topic, String type) {
        var counter = meters.find(name).tags("topic", topic, "event.type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double gauge(MeterRegistry meters, String name, String tag, String value) {
        return meters.get(name).tag(tag, value).gauge().value();
    }

    private static double lag(MeterRegistry meters, TopicPartition partition) {
        var gauge = meters.find("eventcat.consumer.lag")
                .tags("topic", partition.topic(), "partition", Integer.toString(partition.partition()))
                .gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private long committed(String group) {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(o -> o != null)
                    .mapToLong(o -> o.offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable catching(ThrowingRunnable body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    static boolean within(BooleanSupplier condition) throws InterruptedException {
        long giveUpAt = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUpAt) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
