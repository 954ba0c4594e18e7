package io.github.eventcat.runtime.kafka;

import static io.github.eventcat.runtime.kafka.ConsumerMetricsRealServersTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.TestClients;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.AvroSerializer;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.runtime.testevents.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §3 on the real broker and registry, with the OpenTelemetry SDK's in-memory exporter: the
 * producer's span and W3C headers, the consumer's span as child (one trace) or linked (follows-from),
 * the messaging attributes, retries as span events, the dead-letter write as a span and the
 * dead-lettered record keeping the trace headers.
 */
@WithRealServers
class TracingRealServersTest {
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("eventcat.event.type");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final OpenTelemetrySdk otel = sdk(tracerProvider);

    TracingRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @AfterEach
    void closeSdk() {
        tracerProvider.close();
    }

    @Test
    void asParentTheConsumerSpanContinuesTheProducersTrace() throws Exception {
        String topic = "trace-parent";
        kafka.createTopic(topic, 1);
        try (EventProducer<SpecificRecord> producer = producer(topic)) {
            producer.send(new TicketOpened("p-1", "c", 1)).get();
        }
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        Map<String, Object> config = consumerConfig();
        config.put(Observability.TRACING_OPENTELEMETRY, otel); // the generated consumers' way: in the config map
        config.put(Observability.TRACING_CONSUMER_RELATION, "parent");
        String group = "trace-" + UUID.randomUUID();
        try (EventConsumer<Object> consumer = consumer(topic, group, config, (e, c) -> handled.add(e.getTicketId()))
                .start()) {
            assertThat(within(() -> spanNamed("process " + topic) != null))
                    .as("consumer span ended")
                    .isTrue();
        }
        SpanData send = spanNamed("send " + topic);
        SpanData process = spanNamed("process " + topic);
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getAttributes().get(SYSTEM)).isEqualTo("kafka");
        assertThat(send.getAttributes().get(DESTINATION)).isEqualTo(topic);
        assertThat(send.getAttributes().get(OPERATION)).isEqualTo("send");
        assertThat(send.getAttributes().get(EVENT_TYPE)).isEqualTo("TicketOpened");
        assertThat(send.getAttributes().get(KEY)).isEqualTo("p-1");
        assertThat(send.getAttributes().get(MESSAGE_ID)).isEqualTo(topic + "-0@0");

        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId())
                .as("one trace id across producer and consumer")
                .isEqualTo(send.getTraceId());
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(process.getLinks()).isEmpty();
        assertThat(process.getAttributes().get(SYSTEM)).isEqualTo("kafka");
        assertThat(process.getAttributes().get(DESTINATION)).isEqualTo(topic);
        assertThat(process.getAttributes().get(OPERATION)).isEqualTo("process");
        assertThat(process.getAttributes().get(EVENT_TYPE)).isEqualTo("TicketOpened");
        assertThat(process.getAttributes().get(MESSAGE_ID)).isEqualTo(topic + "-0@0");
        assertThat(process.getAttributes().get(GROUP)).isEqualTo(group);
        assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        ConsumerRecord<String, byte[]> record =
                TestClients.readAllBytes(kafka.bootstrapServers(), topic, 1).get(0);
        assertThat(header(record, "traceparent"))
                .startsWith("00-" + send.getTraceId() + "-" + send.getSpanId() + "-"); // then the flags
    }

    @Test
    void byDefaultTheConsumerSpanIsLinkedAndRecordsRetriesAndTheDeadLetterWrite() throws Exception {
        String topic = "trace-link";
        String dlq = topic + ".dlq";
        kafka.createTopic(topic, 1);
        kafka.createTopic(dlq, 1);
        try (EventProducer<SpecificRecord> producer = producer(topic)) {
            producer.send(new TicketOpened("flaky", "c", 1)).get();
            producer.send(new TicketOpened("broken", "c", 2)).get();
        }
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Map<String, Object> config = consumerConfig();
        config.put(EventConsumer.RETRY_ATTEMPTS, "2");
        EventConsumer.Builder<Object> builder = EventConsumer.builder(config);
        builder.tracing(otel);
        try (EventConsumer<Object> consumer = consumer(builder, topic, "trace-" + UUID.randomUUID(), config, (e, c) -> {
                    int call = calls.computeIfAbsent(e.getTicketId(), k -> new AtomicInteger())
                            .incrementAndGet();
                    if (e.getTicketId().equals("broken") || call < 2) {
                        throw new IllegalStateException("failure " + call + " of " + e.getTicketId());
                    }
                })
                .start()) {
            assertThat(within(() -> spans.getFinishedSpanItems().stream()
                                    .filter(s -> s.getName().equals("process " + topic))
                                    .count()
                            == 2))
                    .as("two consumer spans")
                    .isTrue();
        }
        List<SpanData> sends = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("send " + topic))
                .toList();
        List<SpanData> processes = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("process " + topic))
                .toList();
        assertThat(sends).hasSize(2);
        for (int i = 0; i < 2; i++) {
            SpanData send = sends.get(i);
            SpanData process = processes.get(i);
            assertThat(process.getLinks()).singleElement().satisfies(link -> {
                assertThat(link.getSpanContext().getTraceId()).isEqualTo(send.getTraceId());
                assertThat(link.getSpanContext().getSpanId()).isEqualTo(send.getSpanId());
            });
            assertThat(process.getTraceId())
                    .as("a trace of its own, following from the producer's")
                    .isNotEqualTo(send.getTraceId());
            assertThat(process.getAttributes().get(MESSAGE_ID))
                    .isEqualTo(send.getAttributes().get(MESSAGE_ID));
        }

        SpanData flaky = processes.get(0);
        assertThat(flaky.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(eventNames(flaky)).containsExactly("exception", "retry");
        assertThat(flaky.getEvents().get(1).getAttributes().get(AttributeKey.longKey("eventcat.attempt")))
                .isEqualTo(2L);

        SpanData broken = processes.get(1);
        assertThat(broken.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(eventNames(broken)).containsExactly("exception", "retry", "exception");
        SpanData deadLetterWrite = spanNamed("send " + dlq);
        assertThat(deadLetterWrite.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(deadLetterWrite.getTraceId()).isEqualTo(broken.getTraceId());
        assertThat(deadLetterWrite.getParentSpanId()).isEqualTo(broken.getSpanId());
        assertThat(deadLetterWrite.getAttributes().get(DESTINATION)).isEqualTo(dlq);

        // The dead-lettered record keeps the producer's trace headers.
        ConsumerRecord<String, byte[]> dead =
                TestClients.readAllBytes(kafka.bootstrapServers(), dlq, 1).get(0);
        assertThat(header(dead, "traceparent"))
                .startsWith(
                        "00-" + sends.get(1).getTraceId() + "-" + sends.get(1).getSpanId() + "-");
    }

    /**
     * Sends whose span the sampler drops still carry their context (flags 00), record nothing and
     * make no attributes; a consumer following them as parent drops too, and its handler runs in
     * the unsampled context (what it sends follows the decision). A consumer span that is sampled
     * although the producer's was not gets its attributes and its link after the sampling decision.
     */
    @Test
    void unsampledSendsCarryTheirContextAndTheConsumerFollowsOrLinks() throws Exception {
        String topic = "trace-unsampled";
        kafka.createTopic(topic, 1);
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        // Samples only consumer spans (by name): producer spans are dropped, consumer roots kept, children follow.
        Sampler onlyProcess = new Sampler() {
            @Override
            public SamplingResult shouldSample(
                    Context parentContext,
                    String traceId,
                    String name,
                    SpanKind spanKind,
                    Attributes attributes,
                    List<LinkData> parentLinks) {
                return name.startsWith("process ") ? SamplingResult.recordAndSample() : SamplingResult.drop();
            }

            @Override
            public String getDescription() {
                return "only process spans";
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(onlyProcess))
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build()) {
            OpenTelemetrySdk sampling = sdk(provider);
            Map<String, Object> producerConfig = producerConfig();
            producerConfig.put(Observability.TRACING_OPENTELEMETRY, sampling);
            try (EventProducer<SpecificRecord> producer =
                    producerBuilder(topic, producerConfig).build()) {
                producer.send(new TicketOpened("u-1", "c", 1)).get();
            }
            assertThat(exported.getFinishedSpanItems())
                    .as("the send was not sampled")
                    .isEmpty();
            ConsumerRecord<String, byte[]> record =
                    TestClients.readAllBytes(kafka.bootstrapServers(), topic, 1).get(0);
            String traceparent = header(record, "traceparent");
            assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
            assertThat(Integer.parseInt(traceparent.substring(53), 16) & 1)
                    .as("sampled flag clear")
                    .isZero();
            String producerTraceId = traceparent.substring(3, 35);
            String producerSpanId = traceparent.substring(36, 52);

            // As parent: the consumer span follows the producer's "not sampled"; the handler runs in that context.
            Map<String, Object> parentConfig = consumerConfig();
            parentConfig.put(Observability.TRACING_OPENTELEMETRY, sampling);
            parentConfig.put(Observability.TRACING_CONSUMER_RELATION, "parent");
            Queue<SpanContext> seen = new ConcurrentLinkedQueue<>();
            try (EventConsumer<Object> consumer = consumer(
                            topic,
                            "unsampled-" + UUID.randomUUID(),
                            parentConfig,
                            (e, c) -> seen.add(Span.current().getSpanContext()))
                    .start()) {
                assertThat(within(() -> !seen.isEmpty())).isTrue();
            }
            SpanContext inHandler = seen.peek();
            assertThat(inHandler.isValid()).isTrue();
            assertThat(inHandler.isSampled()).isFalse();
            assertThat(inHandler.getTraceId()).isEqualTo(producerTraceId);
            assertThat(exported.getFinishedSpanItems())
                    .as("nothing recorded as parent")
                    .isEmpty();

            // Linked (default): a root the sampler keeps, with its attributes and the link made after sampling.
            Map<String, Object> linkConfig = consumerConfig();
            linkConfig.put(Observability.TRACING_OPENTELEMETRY, sampling);
            String group = "unsampled-" + UUID.randomUUID();
            try (EventConsumer<Object> consumer =
                    consumer(topic, group, linkConfig, (e, c) -> {}).start()) {
                assertThat(within(() -> !exported.getFinishedSpanItems().isEmpty()))
                        .isTrue();
            }
            SpanData process = exported.getFinishedSpanItems().get(0);
            assertThat(process.getName()).isEqualTo("process " + topic);
            assertThat(process.getTraceId()).isNotEqualTo(producerTraceId);
            assertThat(process.getLinks()).singleElement().satisfies(link -> {
                assertThat(link.getSpanContext().getTraceId()).isEqualTo(producerTraceId);
                assertThat(link.getSpanContext().getSpanId()).isEqualTo(producerSpanId);
                assertThat(link.getSpanContext().isSampled()).isFalse();
            });
            assertThat(process.getAttributes().get(SYSTEM)).isEqualTo("kafka");
            assertThat(process.getAttributes().get(DESTINATION)).isEqualTo(topic);
            assertThat(process.getAttributes().get(GROUP)).isEqualTo(group);
            assertThat(process.getAttributes().get(KEY)).isEqualTo("u-1");
            assertThat(process.getAttributes().get(MESSAGE_ID)).isEqualTo(topic + "-0@0");
            assertThat(process.getAttributes().get(EVENT_TYPE)).isEqualTo("TicketOpened");
        }
    }

    /**
     * {@code eventcat.tracing.unsampled-root-headers=false} (opt-in): an unsampled send without a
     * parent carries no trace header; an unsampled send that continues a trace, and a sampled one,
     * still carry theirs. By default every send carries its context (the test above).
     */
    @Test
    void withoutUnsampledRootHeadersOnlyRootsTheSamplerDroppedGoWithoutContext() throws Exception {
        String topic = "trace-no-unsampled-roots";
        kafka.createTopic(topic, 1);
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        // Parent-based over "always off": every root is dropped, a child follows its parent's decision.
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.alwaysOff()))
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build()) {
            OpenTelemetrySdk sampling = sdk(provider);
            Map<String, Object> producerConfig = producerConfig();
            producerConfig.put(Observability.TRACING_OPENTELEMETRY, sampling);
            producerConfig.put(Observability.TRACING_UNSAMPLED_ROOT_HEADERS, Boolean.FALSE); // a Boolean or "false"
            SpanContext unsampledParent = SpanContext.create(
                    "0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331",
                    io.opentelemetry.api.trace.TraceFlags.getDefault(),
                    io.opentelemetry.api.trace.TraceState.getDefault());
            SpanContext sampledParent = SpanContext.create(
                    "4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7",
                    io.opentelemetry.api.trace.TraceFlags.getSampled(),
                    io.opentelemetry.api.trace.TraceState.getDefault());
            try (EventProducer<SpecificRecord> producer =
                    producerBuilder(topic, producerConfig).build()) {
                producer.send(new TicketOpened("root", "c", 1)).get();
                try (var scope = Span.wrap(unsampledParent).makeCurrent()) {
                    producer.send(new TicketOpened("child-of-unsampled", "c", 2))
                            .get();
                }
                try (var scope = Span.wrap(sampledParent).makeCurrent()) {
                    producer.send(new TicketOpened("child-of-sampled", "c", 3)).get();
                }
            }
            List<ConsumerRecord<String, byte[]>> records = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 3);
            assertThat(records)
                    .extracting(ConsumerRecord::key)
                    .containsExactly("root", "child-of-unsampled", "child-of-sampled");
            assertThat(header(records.get(0), "traceparent"))
                    .as("an unsampled root send: no context")
                    .isNull();
            assertThat(header(records.get(1), "traceparent"))
                    .as("an unsampled send in a trace keeps its context")
                    .matches("00-" + unsampledParent.getTraceId() + "-[0-9a-f]{16}-00");
            assertThat(header(records.get(2), "traceparent"))
                    .as("a sampled send keeps its context")
                    .matches("00-" + sampledParent.getTraceId() + "-[0-9a-f]{16}-01");
            assertThat(exported.getFinishedSpanItems()).singleElement().satisfies(span -> assertThat(span.getTraceId())
                    .isEqualTo(sampledParent.getTraceId()));
        }
    }

    private SpanData spanNamed(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static List<String> eventNames(SpanData span) {
        return span.getEvents().stream().map(EventData::getName).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static OpenTelemetrySdk sdk(SdkTracerProvider provider) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put("auto.register.schemas", "true");
        config.put("value.subject.name.strategy", "topic_record");
        return config;
    }

    private static EventProducer.Builder<SpecificRecord> producerBuilder(String topic, Map<String, Object> config) {
        return EventProducer.<SpecificRecord>builder(config)
                .topic(topic)
                .key(event -> event.get(0))
                .valueSerializer(new AvroSerializer<>(
                        SchemaRegistryClient.fromConfig(config), SerdeConfig.from(config, false), false));
    }

    /** A producer traced through the builder (the tests above with a sampler pass it in the config). */
    private EventProducer<SpecificRecord> producer(String topic) {
        return producerBuilder(topic, producerConfig()).tracing(otel).build();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("schema.registry.url", registry.url());
        config.put(EventConsumer.RETRY_BACKOFF_MS, "20");
        return config;
    }

    private EventConsumer<Object> consumer(
            String topic, String group, Map<String, Object> config, EventHandler<TicketOpened> handler) {
        return consumer(EventConsumer.builder(config), topic, group, config, handler);
    }

    private EventConsumer<Object> consumer(
            EventConsumer.Builder<Object> builder,
            String topic,
            String group,
            Map<String, Object> config,
            EventHandler<TicketOpened> handler) {
        return builder.topics(topic)
                .groupId(group)
                .valueDeserializer(new AvroDeserializer<>(
                        SchemaRegistryClient.fromConfig(config),
                        Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, handler)
                        .build())
                .build();
    }
}
