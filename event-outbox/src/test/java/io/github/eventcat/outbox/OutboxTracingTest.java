package io.github.eventcat.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.kafka.EventConsumer;
import io.github.eventcat.runtime.kafka.Observability;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.testservers.Await;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §3: the outbox carries the trace of the transaction that wrote the row; the relay's send
 * continues it and the consumer's span continues the relay's: one trace id from the business
 * transaction to the handler (real Postgres, broker and registry; the SDK's in-memory exporter).
 */
@WithRealServers
class OutboxTracingTest {
    @Test
    void oneTraceFromTheWritingTransactionThroughTheRelayToTheConsumer(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String topic = "order.placed.traced"; // a topic of its own: the broker is shared with the other tests
        kafka.createTopic(topic, 1);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        client.register(topic + "-value", SchemaDefinition.avro(OrderEvents.ORDER_PLACED.toString()));
        DataSource db = Postgres.freshDatabase("orders_traced");
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build()) {
            OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                    .setTracerProvider(tracerProvider)
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            OutboxWriter<GenericRecord> outbox =
                    new OutboxWriter<GenericRecord>(new AvroSerializer<>(client)).withTracing(otel);
            UUID orderId = UUID.randomUUID();
            Span placeOrder =
                    otel.getTracer("order-service").spanBuilder("place order").startSpan();
            try (Scope scope = placeOrder.makeCurrent();
                    Connection transaction = db.getConnection()) {
                transaction.setAutoCommit(false);
                outbox.add(transaction, topic, orderId, OrderEvents.orderPlaced(orderId, "ann", 1, BigDecimal.ONE));
                transaction.commit();
            } finally {
                placeOrder.end();
            }

            Map<String, Object> consumerConfig = new java.util.HashMap<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "traced-fulfillment"));
            consumerConfig.put(Observability.TRACING_OPENTELEMETRY, otel);
            consumerConfig.put(Observability.TRACING_CONSUMER_RELATION, "parent");
            try (OutboxRelay relay = OutboxRelay.builder(db, Map.of("bootstrap.servers", kafka.bootstrapServers()))
                            .pollInterval(Duration.ofMillis(50))
                            .tracing(otel)
                            .build()
                            .start();
                    EventConsumer<GenericRecord> fulfillment = EventConsumer.<GenericRecord>builder(consumerConfig)
                            .topics(topic)
                            .valueDeserializer(new AvroDeserializer<>(client, Map.of()))
                            .handler((order, context) -> {})
                            .build()
                            .start()) {
                Await.until(() -> named(spans.getFinishedSpanItems(), "process " + topic) != null);
            }
            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData written = named(finished, "place order");
            SpanData relayed = named(finished, "send " + topic);
            SpanData processed = named(finished, "process " + topic);
            assertThat(relayed.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(relayed.getTraceId()).isEqualTo(written.getTraceId());
            assertThat(relayed.getParentSpanId())
                    .as("the relay continues the writer's trace")
                    .isEqualTo(written.getSpanId());
            assertThat(relayed.getAttributes()
                            .get(io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id")))
                    .isNotBlank();
            assertThat(processed.getTraceId())
                    .as("one trace id: transaction → relay → consumer")
                    .isEqualTo(written.getTraceId());
            assertThat(processed.getParentSpanId()).isEqualTo(relayed.getSpanId());
        }
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null);
    }
}
