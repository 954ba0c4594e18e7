package io.github.eventcat.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.testservers.Await;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.WithRealServers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Several relays on one outbox: each row published once, and each key's events in the order they were written. */
@WithRealServers
class OutboxRelayConcurrencyTest {
    private static final OutboxWriter<String> OUTBOX = new OutboxWriter<>(new StringSerializer());

    @Test
    void twoRelaysAtOnceKeepEveryKeysOrder(EmbeddedKafka kafka) throws Exception {
        String topic = "sequence.two-relays";
        kafka.createTopic(topic, 3);
        DataSource db = Postgres.freshDatabase("two_relays");
        int keys = 40;
        int perKey = 25;
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (OutboxRelay relayA = relay(db, kafkaConfig, "A").start();
                OutboxRelay relayB = relay(db, kafkaConfig, "B").start()) {
            // Written while both relays run: each transaction adds five consecutive events of one key.
            for (int round = 0; round < perKey / 5; round++) {
                for (int key = 0; key < keys; key++) {
                    try (Connection transaction = db.getConnection()) {
                        transaction.setAutoCommit(false);
                        for (int i = 0; i < 5; i++) {
                            OUTBOX.add(transaction, topic, "key-" + key, "key-" + key + ":" + (round * 5 + i));
                        }
                        transaction.commit();
                    }
                }
            }
            Await.until(() -> relayA.publishedCount() + relayB.publishedCount() == keys * perKey);
            assertThat(relayA.publishedCount()).as("relay A took part").isPositive();
            assertThat(relayB.publishedCount()).as("relay B took part").isPositive();
        }

        List<ConsumerRecord<String, byte[]>> records = Topics.readAll(kafka.bootstrapServers(), topic, keys * perKey);
        assertThat(records).hasSize(keys * perKey);
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String value = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            sequences
                    .computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(value.substring(value.indexOf(':') + 1)));
        }
        assertThat(sequences).hasSize(keys);
        List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
        assertThat(sequences)
                .allSatisfy((key, sequence) -> assertThat(sequence).as(key).isEqualTo(inOrder));
    }

    @Test
    void rowsOfAKeyWhoseOlderRowIsInFlightElsewhereAreHeldBack(EmbeddedKafka kafka) throws Exception {
        String topic = "sequence.held-back";
        kafka.createTopic(topic, 1);
        DataSource db = Postgres.freshDatabase("held_back");
        try (Connection transaction = db.getConnection()) {
            transaction.setAutoCommit(false);
            OUTBOX.add(transaction, topic, "a", "a:0");
            OUTBOX.add(transaction, topic, "a", "a:1");
            OUTBOX.add(transaction, topic, "b", "b:0");
            transaction.commit();
        }
        try (OutboxRelay relay = relay(db, Map.of("bootstrap.servers", kafka.bootstrapServers()), "solo");
                Connection otherRelay = db.getConnection()) {
            // Another relay has a's oldest row in flight: it holds its row lock.
            otherRelay.setAutoCommit(false);
            try (Statement lock = otherRelay.createStatement()) {
                lock.executeQuery("SELECT id FROM eventcat_outbox ORDER BY id LIMIT 1 FOR UPDATE")
                        .close();
            }
            OutboxRelay.BatchResult first = relay.relayBatch();
            assertThat(first).isEqualTo(new OutboxRelay.BatchResult(2, 1, 0, 1)); // a:1 claimed but held back, b:0 sent

            otherRelay.rollback(); // the other relay died before sending: a:0 is free again
            OutboxRelay.BatchResult second = relay.relayBatch();
            assertThat(second).isEqualTo(new OutboxRelay.BatchResult(2, 2, 0, 0));
        }
        List<ConsumerRecord<String, byte[]>> records = Topics.readAll(kafka.bootstrapServers(), topic, 3);
        assertThat(records)
                .extracting(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("b:0", "a:0", "a:1");
    }

    private static OutboxRelay relay(DataSource db, Map<String, Object> kafkaConfig, String name) {
        return OutboxRelay.builder(db, kafkaConfig)
                .name(name)
                .batchSize(20)
                .pollInterval(Duration.ofMillis(20))
                .build();
    }
}
