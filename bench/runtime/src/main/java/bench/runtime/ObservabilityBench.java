package bench.runtime;

import com.example.events.EventCatalog;
import com.example.events.OrderPlacedConsumer;
import com.example.events.OrderPlacedHandler;
import com.example.events.OrderPlacedProducer;
import com.example.events.TicketsConsumer;
import com.example.events.TicketsProducer;
import com.example.orders.OrderPlaced;
import io.github.eventcat.runtime.kafka.Observability;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code -Dobservability=true}: generated producers and consumers, for two input shapes (the tiny
 * {@code TicketOpened} of {@code tickets}, the ~500-1,000-byte {@code OrderPlaced} of
 * {@code order.placed}: {@code -Dobservability.shapes}), with metrics and tracing on (a Micrometer {@link SimpleMeterRegistry}; an OpenTelemetry SDK sampling
 * every span, batched to an exporter that counts and drops them) side by side with both off, on
 * the same broker, in interleaved rounds after a warm-up that lasts until throughput settles
 * ({@link Rounds}); every consume run is a new group reading the first {@code -Devents} records of
 * the topic, which carry trace headers. Prints the on/off throughput ratios (target >= 0.90).
 * Asserts nothing.
 */
final class ObservabilityBench {
    private static final AtomicLong GROUPS = new AtomicLong();

    private ObservabilityBench() {}

    /**
     * One input shape: a topic of the example catalog, its generated producer and consumer, and a
     * pool of events cycled through by every run.
     */
    interface Shape {
        String name();

        String topic();

        Rounds.Sample produce(String what, Map<String, Object> config, SchemaRegistryClient registry, int count);

        Rounds.Sample consume(String what, Map<String, Object> config, SchemaRegistryClient registry, long expected)
                throws InterruptedException;
    }

    /** The tickets' {@code TicketOpened}: 89 bytes, a 36-byte key (the benchmark's first shape). */
    record Tickets(TicketPool pool) implements Shape {
        @Override
        public String name() {
            return String.format("tickets: TicketOpened, %.0f-byte value", pool.averageValueBytes());
        }

        @Override
        public String topic() {
            return EventCatalog.Tickets.NAME;
        }

        @Override
        public Rounds.Sample produce(String what, Map<String, Object> config, SchemaRegistryClient registry, int count) {
            try (TicketsProducer producer = new TicketsProducer(config, registry)) {
                producer.send(pool.events().get(0)).join(); // connection and metadata out of the timing
                return timeSends(what, count, pool.events(), producer::send, producer::flush);
            }
        }

        @Override
        public Rounds.Sample consume(String what, Map<String, Object> config, SchemaRegistryClient registry, long expected)
                throws InterruptedException {
            RuntimeBench.CountingClock clock = new RuntimeBench.CountingClock(expected);
            try (TicketsConsumer consumer =
                    new TicketsConsumer(config, RuntimeBench.ticking(clock), registry).start()) {
                clock.await(what);
            }
            return clock.report(what);
        }
    }

    /** Sends {@code count} events (cycling through {@code events}), flushes, and reports rate and client CPU. */
    static <E> Rounds.Sample timeSends(String what, int count, List<E> events, Consumer<E> send, Runnable flush) {
        long cpu = Rounds.cpuNanos(RuntimeBench.PRODUCER_THREADS);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send.accept(events.get(i % events.size()));
        }
        flush.run();
        return RuntimeBench.report(
                what, count, System.nanoTime() - start, Rounds.cpuNanos(RuntimeBench.PRODUCER_THREADS) - cpu);
    }

    /** The orders' {@code OrderPlaced}: a customer and 8 to 24 lines, ~500-1,000 bytes (a realistic event). */
    record Orders(OrderPool pool) implements Shape {
        @Override
        public String name() {
            return String.format("order.placed: OrderPlaced, %.0f-byte value", pool.averageValueBytes());
        }

        @Override
        public String topic() {
            return EventCatalog.OrderPlaced.NAME;
        }

        @Override
        public Rounds.Sample produce(String what, Map<String, Object> config, SchemaRegistryClient registry, int count) {
            try (OrderPlacedProducer producer = new OrderPlacedProducer(config, registry)) {
                producer.send(pool.events().get(0)).join(); // connection and metadata out of the timing
                return timeSends(what, count, pool.events(), producer::send, producer::flush);
            }
        }

        @Override
        public Rounds.Sample consume(String what, Map<String, Object> config, SchemaRegistryClient registry, long expected)
                throws InterruptedException {
            RuntimeBench.CountingClock clock = new RuntimeBench.CountingClock(expected);
            OrderPlacedHandler handler = (event, context) -> clock.tick();
            try (OrderPlacedConsumer consumer = new OrderPlacedConsumer(config, handler, registry).start()) {
                clock.await(what);
            }
            return clock.report(what);
        }
    }

    /**
     * Every consume run is a group of its own, reading from the start of the topic, or (with
     * {@code from}) from those offsets, committed for the new group before it starts.
     */
    private static Map<String, Object> group(Map<String, Object> config, Map<TopicPartition, Long> from) {
        Map<String, Object> consumerConfig = new HashMap<>(config);
        String group = "bench-observability-" + GROUPS.incrementAndGet();
        consumerConfig.put("group.id", group);
        if (from != null) {
            Map<String, Object> plain = Map.of("bootstrap.servers", config.get("bootstrap.servers"), "group.id", group);
            try (KafkaConsumer<byte[], byte[]> committer = new KafkaConsumer<>(plain, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                committer.assign(from.keySet());
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                from.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
                committer.commitSync(offsets);
            }
        }
        return consumerConfig;
    }

    /** The topic's end offsets now. */
    private static Map<TopicPartition, Long> endOffsets(Map<String, Object> config, String topic) {
        Map<String, Object> plain = Map.of("bootstrap.servers", config.get("bootstrap.servers"));
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(plain, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return new HashMap<>(reader.endOffsets(partitions));
        }
    }

    /**
     * {@code -Dobservability.shapes=tickets,orders} (the default: both, one after the other, each
     * with tracer providers and meter registries of its own); the summary at the end shows every
     * shape's ratios.
     */
    static void run(Map<String, Object> config, SchemaRegistryClient registry, TicketPool tickets, int events, int rounds)
            throws Exception {
        List<Shape> shapes = new ArrayList<>();
        for (String shape : System.getProperty("observability.shapes", "tickets,orders").split(",")) {
            switch (shape.trim()) {
                case "tickets" -> shapes.add(new Tickets(tickets));
                case "orders" -> shapes.add(new Orders(OrderPool.create(Integer.getInteger("pool", 10_000))));
                default -> throw new IllegalArgumentException("-Dobservability.shapes: tickets or orders, not " + shape);
            }
        }
        List<Runnable> summaries = new ArrayList<>();
        for (Shape shape : shapes) {
            System.out.printf("%n=== Shape %s ===%n", shape.name());
            summaries.add(run(shape, config, registry, events, rounds));
        }
        System.out.println();
        System.out.printf("Results: metrics and tracing on vs off (generated producers / consumers), load average now %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int i = 0; i < shapes.size(); i++) {
            System.out.printf("Shape %s%n", shapes.get(i).name());
            summaries.get(i).run();
        }
    }

    /** Measures one shape; returns what prints its results. */
    private static Runnable run(Shape shape, Map<String, Object> config, SchemaRegistryClient registry, int events, int rounds)
            throws Exception {
        // -Dobservability.sampling=0.01,1 (the default): one "on" path per ratio, all measured in the same rounds.
        // The sampler is parent-based (a child follows its parent's decision) over a trace-id ratio for roots, as
        // production services configure it; 1 samples every span. A ratio followed by ":no-unsampled-root-headers"
        // is a path with the opt-in eventcat.tracing.unsampled-root-headers=false (e.g. 0.01,0.01:no-unsampled-root-headers,1).
        List<String> variants = java.util.Arrays.stream(System.getProperty("observability.sampling", "0.01,1").split(","))
                .map(String::trim)
                .toList();
        List<Double> samplings = variants.stream()
                .map(v -> Double.valueOf(v.replace(":no-unsampled-root-headers", "")))
                .toList();
        List<SdkTracerProvider> providers = new ArrayList<>();
        List<AtomicLong> exported = new ArrayList<>();
        List<SimpleMeterRegistry> meters = new ArrayList<>();
        List<Map<String, Object>> ons = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            double sampling = samplings.get(v);
            boolean noUnsampledRootHeaders = variants.get(v).endsWith(":no-unsampled-root-headers");
            AtomicLong count = new AtomicLong();
            SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                    .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampling)))
                    .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter(count)).build())
                    .build();
            OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                    .setTracerProvider(tracerProvider)
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            SimpleMeterRegistry registryOfMeters = new SimpleMeterRegistry();
            Map<String, Object> on = new HashMap<>(config);
            // -Dobservability.metrics=false / -Dobservability.tracing=false: measure one of the two alone.
            if (!"false".equals(System.getProperty("observability.metrics"))) {
                on.put(Observability.METRICS_REGISTRY, registryOfMeters);
            }
            if (!"false".equals(System.getProperty("observability.tracing"))) {
                on.put(Observability.TRACING_OPENTELEMETRY, otel);
                if (noUnsampledRootHeaders) { // the opt-in setting (default true: every send carries its context)
                    on.put(Observability.TRACING_UNSAMPLED_ROOT_HEADERS, "false");
                }
            }
            providers.add(tracerProvider);
            exported.add(count);
            meters.add(registryOfMeters);
            ons.add(on);
        }
        System.out.printf("On: %s, parent-based sampling of %s of the root spans (one \"on\" path per ratio)%n",
                ons.get(0).keySet().stream().filter(k -> k.startsWith("eventcat.")).sorted().toList(),
                variants);
        try {
            // First `events` records with trace headers: what every consume run below reads (the first "on" path's
            // records); then, when a path has the opt-in setting, `events` more written by that path, which its consume
            // runs read (their groups start at the offsets where the first records end).
            shape.produce("produce on (records for the consume runs)", ons.get(0), registry, events);
            Map<TopicPartition, Long> afterFirst = endOffsets(config, shape.topic());
            Map<String, Object> optIn = ons.stream()
                    .filter(on -> on.containsKey(Observability.TRACING_UNSAMPLED_ROOT_HEADERS))
                    .findFirst()
                    .orElse(null);
            if (optIn != null) {
                shape.produce("produce on, no unsampled-root headers (records for its consume runs)", optIn, registry, events);
            }
            List<String> produceNames = new ArrayList<>(List.of("produce off"));
            List<Rounds.Run> produceRuns = new ArrayList<>(List.of(() -> shape.produce("produce off", config, registry, events)));
            // The floor: off, plus a fixed 55-byte traceparent header on every record (no OpenTelemetry at all).
            Map<String, Object> headerOnly = new HashMap<>(config);
            headerOnly.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, FixedTraceparentInterceptor.class.getName());
            produceNames.add("produce off + fixed traceparent");
            produceRuns.add(() -> shape.produce("produce off + fixed traceparent", headerOnly, registry, events));
            List<String> consumeNames = new ArrayList<>(List.of("consume off"));
            List<Rounds.Run> consumeRuns = new ArrayList<>(List.of(() -> shape.consume("consume off", group(config, null), registry, events)));
            for (int i = 0; i < samplings.size(); i++) {
                String label = "on, sampling " + variants.get(i);
                Map<String, Object> on = ons.get(i);
                produceNames.add("produce " + label);
                produceRuns.add(() -> shape.produce("produce " + label, on, registry, events));
                consumeNames.add("consume " + label);
                Map<TopicPartition, Long> from = on.containsKey(Observability.TRACING_UNSAMPLED_ROOT_HEADERS) ? afterFirst : null;
                consumeRuns.add(() -> shape.consume("consume " + label, group(on, from), registry, events));
            }
            Rounds.Multi produce = Rounds.compareAll(produceNames, produceRuns, rounds);
            Rounds.Multi consume = Rounds.compareAll(consumeNames, consumeRuns, rounds);
            for (SdkTracerProvider provider : providers) {
                provider.forceFlush().join(30, TimeUnit.SECONDS);
            }
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < samplings.size(); i++) {
                counts.add(String.format("  spans exported %,d; eventcat.producer.sent %,.0f; eventcat.consumer.handled %,.0f", exported.get(i).get(),
                        meters.get(i).find("eventcat.producer.sent").counters().stream().mapToDouble(c -> c.count()).sum(),
                        meters.get(i).find("eventcat.consumer.handled").counters().stream().mapToDouble(c -> c.count()).sum()));
            }
            return () -> {
                System.out.println(" No OpenTelemetry, only a fixed 55-byte traceparent header on every record"
                        + " (what the bytes of W3C propagation alone cost):");
                produce.pair(0, 1).print("produce", 0);
                for (int i = 0; i < samplings.size(); i++) {
                    System.out.printf(" Sampling %s (parent-based):%n", variants.get(i));
                    produce.pair(0, i + 2).print("produce", 0.90);
                    consume.pair(0, i + 1).print("consume", 0.90);
                    System.out.println(counts.get(i));
                }
            };
        } finally {
            providers.forEach(SdkTracerProvider::close);
        }
    }

    /** Counts and drops: what is measured is the instrumentation, not an exporter's network. */
    private record CountingExporter(AtomicLong exported) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

}
