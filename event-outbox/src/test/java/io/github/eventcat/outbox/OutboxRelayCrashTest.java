package io.github.eventcat.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.kafka.EventConsumer;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.testservers.Await;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A relay dies after the broker acknowledged a batch and before its delete committed; a new relay
 * takes over. Nothing is lost, only that batch is sent twice, and an idempotent consumer with the
 * JDBC store handles every order exactly once.
 */
@WithRealServers
class OutboxRelayCrashTest {
    private static final String TOPIC = "order.placed.crash";
    private static final int ORDERS = 200;
    private static final int BATCH = 50;

    @Test
    void aRelayKilledMidBatchLosesNothingAndTheResentBatchIsHandledOnce(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        kafka.createTopic(TOPIC, 3);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        client.register(TOPIC + "-value", SchemaDefinition.avro(OrderEvents.ORDER_PLACED.toString()));
        DataSource db = Postgres.freshDatabase("relay_crash");
        Postgres.execute(db, "CREATE TABLE shipments (order_id UUID NOT NULL, event_id TEXT NOT NULL)");
        OutboxWriter<GenericRecord> outbox = new OutboxWriter<>(new AvroSerializer<>(client));
        List<UUID> orderIds = new ArrayList<>();
        for (int tx = 0; tx < ORDERS / 10; tx++) {
            try (Connection transaction = db.getConnection()) {
                transaction.setAutoCommit(false);
                for (int i = 0; i < 10; i++) {
                    UUID orderId = UUID.randomUUID();
                    outbox.add(
                            transaction, TOPIC, orderId, OrderEvents.orderPlaced(orderId, "c" + i, 1, BigDecimal.TEN));
                    orderIds.add(orderId);
                }
                transaction.commit();
            }
        }

        // Relay A, driven batch by batch: the second batch "crashes" once the broker acknowledged it.
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        List<OutboxRecord> inFlightAtCrash = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        OutboxRelay relayA = OutboxRelay.builder(db, kafkaConfig)
                .name("A")
                .batchSize(BATCH)
                .listener(new OutboxRelay.Listener() {
                    @Override
                    public void onAcknowledged(List<OutboxRecord> records) {
                        if (batches.incrementAndGet() == 2) {
                            inFlightAtCrash.addAll(records);
                            killRelaySession(db);
                        }
                    }
                })
                .build();
        assertThat(relayA.relayBatch().published()).isEqualTo(BATCH);
        assertThatThrownBy(relayA::relayBatch).isInstanceOf(SQLException.class);
        relayA.close();

        assertThat(inFlightAtCrash).hasSize(BATCH);
        // The first batch is gone from the outbox; the crashed one is still there (its delete never committed).
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isEqualTo(ORDERS - BATCH);

        JdbcProcessedEventStore processed = new JdbcProcessedEventStore("shipping");
        IdempotentHandler<GenericRecord> shipping = IdempotentHandler.transactional(
                db, processed, EventIdExtractor.outboxHeader(), (order, context, transaction) -> {
                    try (PreparedStatement insert =
                            transaction.prepareStatement("INSERT INTO shipments (order_id, event_id) VALUES (?, ?)")) {
                        insert.setObject(
                                1, UUID.fromString(order.get("order_id").toString()));
                        insert.setString(2, context.header(OutboxWriter.EVENT_ID_HEADER));
                        insert.executeUpdate();
                    }
                });
        try (OutboxRelay relayB = OutboxRelay.builder(db, kafkaConfig)
                        .name("B")
                        .batchSize(BATCH)
                        .pollInterval(Duration.ofMillis(50))
                        .build()
                        .start();
                EventConsumer<GenericRecord> consumer = EventConsumer.<GenericRecord>builder(
                                Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "shipping"))
                        .topics(TOPIC)
                        .valueDeserializer(new AvroDeserializer<>(client, Map.of()))
                        .handler(shipping)
                        .build()
                        .start()) {
            Await.until(() -> shipping.handledCount() + shipping.skippedCount() == ORDERS + BATCH);
            assertThat(relayB.publishedCount()).isEqualTo(ORDERS - BATCH);
        }

        // Every event at least once; the only duplicates are the batch in flight at the crash.
        List<ConsumerRecord<String, byte[]>> records = Topics.readAll(kafka.bootstrapServers(), TOPIC, ORDERS + BATCH);
        assertThat(records).hasSize(ORDERS + BATCH);
        assertThat(records).extracting(r -> UUID.fromString(r.key())).containsAll(orderIds);
        Map<String, Long> deliveries = records.stream()
                .collect(Collectors.groupingBy(
                        r -> Topics.header(r, OutboxWriter.EVENT_ID_HEADER), Collectors.counting()));
        Set<String> sentTwice = deliveries.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(sentTwice)
                .containsExactlyInAnyOrderElementsOf(inFlightAtCrash.stream()
                        .map(r -> r.eventId().toString())
                        .toList());
        assertThat(deliveries.values()).allMatch(n -> n <= 2);

        // Exactly once on the consumer's side: one shipment per order, the duplicates skipped.
        assertThat(shipping.skippedCount()).isEqualTo(BATCH);
        assertThat(shipping.handledCount()).isEqualTo(ORDERS);
        assertThat(Postgres.count(db, "SELECT count(*) FROM shipments")).isEqualTo(ORDERS);
        assertThat(Postgres.count(db, "SELECT count(DISTINCT order_id) FROM shipments"))
                .isEqualTo(ORDERS);
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_processed_event WHERE consumer = 'shipping'"))
                .isEqualTo(ORDERS);
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isZero();
    }

    /**
     * What the database sees when a relay's process dies: its session ends, the open transaction is
     * rolled back and its row locks freed. Waits until the session is really gone.
     */
    private static void killRelaySession(DataSource db) {
        String relaySessions = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state = 'idle in transaction'";
        assertThat(Postgres.count(db, "SELECT count(pg_terminate_backend(pid)) " + relaySessions))
                .isEqualTo(1);
        Await.until(() -> Postgres.count(db, "SELECT count(*) " + relaySessions) == 0);
    }
}
