package io.github.eventcat.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.kafka.EventConsumer;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.WireFormat;
import io.github.eventcat.testservers.Await;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The seed's order service: an order row and its order.placed event commit together; a fulfillment consumer gets every order. */
@WithRealServers
class OrdersOutboxFlowTest {
    private static final int ORDERS = 30;

    @Test
    void orderRowsAndTheirEventsCommitTogetherAndRollbacksPublishNothing(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        kafka.createTopic(OrderEvents.TOPIC, 6);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        // What registry:sync does before the service runs (TOPIC naming: <topic>-value).
        int schemaId = client.register(
                OrderEvents.TOPIC + "-value", SchemaDefinition.avro(OrderEvents.ORDER_PLACED.toString()));
        DataSource db = Postgres.freshDatabase("orders_flow");
        Postgres.execute(
                db,
                "CREATE TABLE orders (order_id UUID PRIMARY KEY, customer TEXT NOT NULL, total NUMERIC(12,2) NOT NULL)");
        OrderService orders = new OrderService(db, new OutboxWriter<>(new AvroSerializer<>(client)));

        // Inserted first, so the relay would meet its row before the others if it were ever visible.
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> orders.placeOrder(rolledBack, "mallory", 1, true))
                .hasMessageContaining("payment declined");
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            UUID orderId = UUID.randomUUID();
            orders.placeOrder(orderId, "customer" + i, 1 + i % 4, false);
            placed.add(orderId);
        }
        assertThat(Postgres.count(db, "SELECT count(*) FROM orders")).isEqualTo(ORDERS);
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isEqualTo(ORDERS);

        Set<UUID> fulfilled = ConcurrentHashMap.newKeySet();
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (OutboxRelay relay = OutboxRelay.builder(db, kafkaConfig)
                        .name("orders")
                        .pollInterval(Duration.ofMillis(50))
                        .build()
                        .start();
                EventConsumer<GenericRecord> fulfillment = EventConsumer.<GenericRecord>builder(
                                Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "fulfillment"))
                        .topics(OrderEvents.TOPIC)
                        .valueDeserializer(new AvroDeserializer<>(client, Map.of()))
                        .handler((order, context) -> fulfilled.add(
                                UUID.fromString(order.get("order_id").toString())))
                        .build()
                        .start()) {
            Await.until(() -> fulfilled.size() == ORDERS);
        }

        assertThat(fulfilled).containsExactlyInAnyOrderElementsOf(placed).doesNotContain(rolledBack);
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isZero();
        List<ConsumerRecord<String, byte[]>> records =
                Topics.readAll(kafka.bootstrapServers(), OrderEvents.TOPIC, ORDERS);
        assertThat(records).hasSize(ORDERS);
        assertThat(records).allSatisfy(record -> {
            assertThat(WireFormat.schemaId(OrderEvents.TOPIC, record.value())).isEqualTo(schemaId);
            assertThat(UUID.fromString(record.key())).isIn(placed); // keyed by order_id, the catalog's key field
            assertThat(Topics.header(record, OutboxWriter.EVENT_ID_HEADER)).isNotBlank();
            assertThat(Topics.header(record, "source")).isEqualTo("order-service");
        });
    }

    @Test
    void anEventThatDoesNotSerializeFailsTheBusinessTransaction(EmbeddedSchemaRegistry registry) throws Exception {
        DataSource db = Postgres.freshDatabase("orders_unregistered");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        OutboxWriter<GenericRecord> outbox = new OutboxWriter<>(new AvroSerializer<>(client));
        try (Connection transaction = db.getConnection()) {
            transaction.setAutoCommit(false);
            // No schema registered for this topic, and auto-registration is off (registry:sync registers).
            assertThatThrownBy(() -> outbox.add(
                            transaction,
                            "order.unregistered",
                            UUID.randomUUID(),
                            OrderEvents.orderPlaced(UUID.randomUUID(), "ann", 1, BigDecimal.ONE)))
                    .isInstanceOf(OutboxWriteException.class)
                    .hasMessageContaining("order.unregistered")
                    .hasMessageContaining("did not serialize");
            transaction.rollback();
        }
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isZero();
    }

    @Test
    void aConnectionInAutoCommitModeIsRefused() throws Exception {
        DataSource db = Postgres.freshDatabase("orders_autocommit");
        OutboxWriter<String> outbox = new OutboxWriter<>(new org.apache.kafka.common.serialization.StringSerializer());
        try (Connection connection = db.getConnection()) {
            assertThatThrownBy(() -> outbox.add(connection, "t", "k", "v"))
                    .isInstanceOf(OutboxWriteException.class)
                    .hasMessageContaining("auto-commit")
                    .hasMessageContaining("setAutoCommit(false)");
        }
        assertThat(Postgres.count(db, "SELECT count(*) FROM eventcat_outbox")).isZero();
    }

    /** What a service's code looks like: one local transaction for the order and its event. */
    private record OrderService(DataSource db, OutboxWriter<GenericRecord> outbox) {
        void placeOrder(UUID orderId, String customer, int quantity, boolean paymentDeclined) throws Exception {
            GenericRecord event = OrderEvents.orderPlaced(orderId, customer, quantity, new BigDecimal("9.95"));
            try (Connection transaction = db.getConnection()) {
                transaction.setAutoCommit(false);
                try {
                    try (PreparedStatement insert = transaction.prepareStatement(
                            "INSERT INTO orders (order_id, customer, total) VALUES (?, ?, ?)")) {
                        insert.setObject(1, orderId);
                        insert.setString(2, customer);
                        insert.setBigDecimal(3, new BigDecimal("9.95").multiply(BigDecimal.valueOf(quantity)));
                        insert.executeUpdate();
                    }
                    outbox.add(transaction, OrderEvents.TOPIC, orderId, event, Map.of("source", "order-service"));
                    if (paymentDeclined) {
                        throw new IllegalStateException("payment declined for order " + orderId);
                    }
                    transaction.commit();
                } catch (Exception e) {
                    transaction.rollback();
                    throw e;
                }
            }
        }
    }
}
