package com.example.e2e;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/** What every end-to-end test needs: the example catalog registered, fresh topics, waiting. */
final class E2e {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path CATALOG_DIRECTORY = Path.of("src/main/catalog");
    private static final Catalog CATALOG = CatalogLoader.load(CATALOG_DIRECTORY);

    private E2e() {}

    static Catalog catalog() {
        return CATALOG;
    }

    /** Registers every subject of the example catalog, as {@code registry:sync} does (the same core). */
    static void registerCatalog(EmbeddedSchemaRegistry registry) {
        new RegistrySync(line -> {})
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        CATALOG_DIRECTORY,
                        SyncRequest.DEFAULT_PARALLELISM,
                        false,
                        false,
                        Optional.empty()));
    }

    /**
     * Deletes and creates the topics (and their dead-letter topics) with the catalog's partition
     * counts, so that a test sees only its own records.
     */
    static void freshTopics(EmbeddedKafka kafka, String... names) {
        for (String name : names) {
            Topic topic = CATALOG.topic(name).orElseThrow();
            int partitions = topic.partitions().orElse(1);
            for (String each : List.of(name, name + ".dlq")) {
                if (kafka.topicNames().contains(each)) {
                    kafka.deleteTopic(each);
                }
                kafka.createTopic(each, partitions);
            }
        }
    }

    static Map<String, Object> config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        return config;
    }

    /** A consumer configuration with a group of its own. */
    static Map<String, Object> consumerConfig(Map<String, Object> config, String group) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put("group.id", group + "-" + UUID.randomUUID());
        return copy;
    }

    /** The partition Kafka's default partitioner picks for a key: murmur2 of its bytes. */
    static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static int partitions(String topic) {
        return CATALOG.topic(topic).orElseThrow().partitions().orElse(1);
    }

    /** Waits for a condition; fails with {@code what} when it does not hold within {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + WAIT.toSeconds() + " s for: " + what);
            }
            Thread.sleep(20);
        }
    }

    static <T> T awaitValue(String what, Supplier<T> value) throws InterruptedException {
        List<T> holder = new ArrayList<>(1);
        await(what, () -> {
            T current = value.get();
            if (current != null) {
                holder.add(current);
            }
            return current != null;
        });
        return holder.get(0);
    }

    /** Every record of a topic up to its current end, read as bytes (no group, no commits). */
    static List<ConsumerRecord<byte[], byte[]>> readAll(EmbeddedKafka kafka, String topic, String isolationLevel)
            throws InterruptedException {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("isolation.level", isolationLevel);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await("records of " + topic + " up to " + end, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /** The last value of a header as text, or null. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
