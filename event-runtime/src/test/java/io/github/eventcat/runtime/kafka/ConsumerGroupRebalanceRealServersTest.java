package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §3 on the real broker: three members of one group over six partitions while events
 * flow; one joins, one is closed, one is killed (a JVM of its own, destroyed: no commit, no close,
 * no leave-group). Every event is handled at least once, each member handles a key's events in
 * order, no offset is ever committed before its record was handled, and the only duplicates are
 * the killed member's records past its last commit.
 */
@WithRealServers
class ConsumerGroupRebalanceRealServersTest {
    private static final int PARTITIONS = 6;
    private static final int KEYS = 24;
    private static final int ROUNDS = 110;
    private static final Duration WAIT = Duration.ofSeconds(45);

    /** One handled event, by whom and when (wall clock: the killed member is another JVM). */
    record Handled(String member, int partition, long offset, String key, int seq, long atMillis) {}

    /** Committed offsets as seen by the test at {@code seenAtMillis}. */
    record CommitSample(Map<TopicPartition, Long> offsets, long seenAtMillis) {}

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    ConsumerGroupRebalanceRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Every member's settings, the killed JVM's too: a short session so a dead member is noticed in seconds. */
    static Map<String, Object> memberConfig(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        config.put("session.timeout.ms", "6000");
        config.put("heartbeat.interval.ms", "500");
        config.put("max.poll.records", "50");
        return config;
    }

    private EventConsumer<Object> member(String name, String topic, String group, int lanes, Queue<Handled> handled) {
        Map<String, Object> config = memberConfig(kafka.bootstrapServers(), registry.url());
        return EventConsumer.builder(config)
                .topics(topic)
                .groupId(group)
                .lanes(lanes)
                .valueDeserializer(new AvroDeserializer<>(
                        SchemaRegistryClient.fromConfig(config),
                        Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (event, context) -> {
                            Thread.sleep(1);
                            handled.add(new Handled(
                                    name,
                                    context.partition(),
                                    context.offset(),
                                    event.getTicketId(),
                                    event.getPriority(),
                                    System.currentTimeMillis()));
                        })
                        .build())
                .build()
                .start();
    }

    @Test
    void membersJoinLeaveAndDieWhileEventsFlowAndNothingIsLostReorderedOrCommittedEarly() throws Exception {
        String topic = "group-flow";
        String group = "group-flow-" + UUID.randomUUID();
        kafka.createTopic(topic, PARTITIONS);
        Queue<Handled> handled = new ConcurrentLinkedQueue<>();
        List<CommitSample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> {
                    try (Admin admin = kafka.admin()) {
                        while (sampling.get()) {
                            samples.add(new CommitSample(committed(admin, group), System.currentTimeMillis()));
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "group-flow-commit-sampler");
        AtomicBoolean producing = new AtomicBoolean(true);

        Map<String, Object> producerConfig = new HashMap<>(Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "schema.registry.url",
                registry.url(),
                "auto.register.schemas",
                "true"));
        Thread producerThread = new Thread(
                () -> {
                    try (EventProducer<SpecificRecord> producer = EventProducer.<SpecificRecord>builder(producerConfig)
                            .topic(topic)
                            .key(event -> event.get(0))
                            .valueSerializer(new AvroSerializer<>(
                                    SchemaRegistryClient.fromConfig(producerConfig),
                                    SerdeConfig.from(producerConfig, false),
                                    false))
                            .build()) {
                        for (int seq = 0; seq < ROUNDS; seq++) {
                            for (int k = 0; k < KEYS; k++) {
                                producer.send(new TicketOpened("key-" + k, "c", seq));
                            }
                            producer.flush();
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        producing.set(false);
                    }
                },
                "group-flow-producer");

        Process killed = startMemberJvm(topic, group);
        Thread killedReader = readMemberJvm(killed, handled);
        producerThread.start();
        sampler.start();
        EventConsumer<Object> a = member("A", topic, group, 1, handled);
        EventConsumer<Object> b = member("B", topic, group, 3, handled);
        EventConsumer<Object> d = null;
        try {
            assertThat(within(
                            () -> countBy(handled, "K") > 0 && countBy(handled, "A") > 0 && countBy(handled, "B") > 0))
                    .as("all three members handle events")
                    .isTrue();

            d = member("D", topic, group, 2, handled); // joins
            EventConsumer<Object> joined = d;
            assertThat(within(() -> countBy(handled, "D") > 0))
                    .as("the new member handles events")
                    .isTrue();

            b.close(); // leaves gracefully
            int handledByB = countBy(handled, "B");
            Thread.sleep(1_500);

            killed.destroyForcibly(); // dies: no commit, no close
            assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            killedReader.join(5_000);
            Map<TopicPartition, Long> committedAtKill = committed(group);
            List<Handled> byKilled =
                    handled.stream().filter(h -> h.member().equals("K")).toList();
            long inFlightAtKill = byKilled.stream()
                    .filter(h ->
                            h.offset() >= committedAtKill.getOrDefault(new TopicPartition(topic, h.partition()), 0L))
                    .count();

            long total = (long) KEYS * ROUNDS;
            producerThread.join(60_000);
            assertThat(within(() -> handled.stream()
                                    .map(h -> h.key() + "#" + h.seq())
                                    .distinct()
                                    .count()
                            == total))
                    .as("every event handled at least once")
                    .isTrue();
            Map<TopicPartition, Long> ends = endOffsets(topic);
            assertThat(within(() -> committed(group).equals(ends)))
                    .as("everything committed")
                    .isTrue();
            sampling.set(false);
            sampler.join(5_000);

            assertThat(countBy(handled, "B"))
                    .as("a closed member handles nothing more")
                    .isEqualTo(handledByB);
            // The members with lanes went through every rebalance (drained, committed) and their close cleanly.
            assertThat(b.failure()).isEmpty();
            assertThat(b.health().status()).isEqualTo(ConsumerHealth.Status.STOPPED);
            assertThat(a.failure()).isEmpty();
            assertThat(joined.failure()).isEmpty();

            // Every event at least once.
            Set<String> events =
                    handled.stream().map(h -> h.key() + "#" + h.seq()).collect(Collectors.toSet());
            assertThat(events).hasSize((int) total);

            // Each member handled each key's events in order (a key lives on one partition).
            Map<String, List<Handled>> byMemberAndKey =
                    handled.stream().collect(Collectors.groupingBy(h -> h.member() + "/" + h.key()));
            byMemberAndKey.forEach((memberKey, list) -> {
                for (int i = 1; i < list.size(); i++) {
                    assertThat(list.get(i).seq())
                            .as("order of %s", memberKey)
                            .isGreaterThan(list.get(i - 1).seq());
                }
            });

            // No commit ever covered a record not handled yet.
            Map<String, Long> firstHandledAt = new HashMap<>();
            handled.forEach(h -> firstHandledAt.merge(h.partition() + "@" + h.offset(), h.atMillis(), Math::min));
            assertThat(samples).hasSizeGreaterThan(20);
            for (CommitSample sample : List.copyOf(samples)) {
                sample.offsets().forEach((partition, offset) -> {
                    for (long o = 0; o < offset; o++) {
                        Long at = firstHandledAt.get(partition.partition() + "@" + o);
                        assertThat(at)
                                .as("record %s@%d, below committed offset %d", partition, o, offset)
                                .isNotNull();
                        assertThat(at)
                                .as("record %s@%d handled before its commit was seen", partition, o)
                                .isLessThanOrEqualTo(sample.seenAtMillis());
                    }
                });
            }

            // Duplicates: only the killed member's records past its last commit may come again.
            long duplicates = handled.size()
                    - handled.stream()
                            .map(h -> h.partition() + "@" + h.offset())
                            .distinct()
                            .count();
            System.out.printf(
                    "handled %d (A %d, B %d, D %d, K %d), duplicates %d, killed member's uncommitted %d, samples %d%n",
                    handled.size(),
                    countBy(handled, "A"),
                    countBy(handled, "B"),
                    countBy(handled, "D"),
                    byKilled.size(),
                    duplicates,
                    inFlightAtKill,
                    samples.size());
            assertThat(duplicates).isLessThanOrEqualTo(inFlightAtKill);
        } finally {
            producing.set(false);
            sampling.set(false);
            producerThread.interrupt();
            killed.destroyForcibly();
            a.close();
            b.close();
            if (d != null) {
                d.close();
            }
        }
    }

    private Process startMemberJvm(String topic, String group) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Files.createDirectories(Path.of("target")).resolve("group-member-" + group + ".log");
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classPath,
                        GroupMemberMain.class.getName(),
                        kafka.bootstrapServers(),
                        registry.url(),
                        topic,
                        group)
                .redirectError(log.toFile())
                .start();
    }

    private static Thread readMemberJvm(Process process, Queue<Handled> handled) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            String[] f = line.split(" ");
                            if (f.length == 6 && f[0].equals("H")) {
                                handled.add(new Handled(
                                        "K",
                                        Integer.parseInt(f[1]),
                                        Long.parseLong(f[2]),
                                        f[3],
                                        Integer.parseInt(f[4]),
                                        Long.parseLong(f[5])));
                            }
                        }
                    } catch (IOException e) {
                        // the process was killed
                    }
                },
                "group-member-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static int countBy(Queue<Handled> handled, String member) {
        return (int) handled.stream().filter(h -> h.member().equals(member)).count();
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
            return committed(admin, group);
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) {
        try {
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

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }
}
