package bench.runtime;

import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.EventContext;
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

/**
 * {@code -Dobservability=true}: the generated {@code TicketsProducer}/{@code TicketsConsumer} with
 * metrics and tracing on (a Micrometer {@link SimpleMeterRegistry}; an OpenTelemetry SDK sampling
 * every span, batched to an exporter that counts and drops them) side by side with both off, on
 * the same broker, in interleaved rounds after a warm-up that lasts until throughput settles
 * ({@link Rounds}); every consume run is a new group reading the first {@code -Devents} records of
 * the topic, which carry trace headers. Prints the on/off throughput ratios (target >= 0.90).
 * Asserts nothing.
 */
final class ObservabilityBench {
    private static final AtomicLong GROUPS = new AtomicLong();

    private ObservabilityBench() {}

    static void run(Map<String, Object> config, SchemaRegistryClient registry, TicketPool pool, int events, int rounds)
            throws Exception {
        // -Dobservability.sampling=0.01,1 (the default): one "on" path per ratio, all measured in the same rounds.
        // The sampler is parent-based (a child follows its parent's decision) over a trace-id ratio for roots, as
        // production services configure it; 1 samples every span.
        List<Double> samplings = java.util.Arrays.stream(System.getProperty("observability.sampling", "0.01,1").split(","))
                .map(String::trim)
                .map(Double::valueOf)
                .toList();
        List<SdkTracerProvider> providers = new ArrayList<>();
        List<AtomicLong> exported = new ArrayList<>();
        List<SimpleMeterRegistry> meters = new ArrayList<>();
        List<Map<String, Object>> ons = new ArrayList<>();
        for (double sampling : samplings) {
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
            }
            providers.add(tracerProvider);
            exported.add(count);
            meters.add(registryOfMeters);
            ons.add(on);
        }
        System.out.printf("On: %s, parent-based sampling of %s of the root spans (one \"on\" path per ratio)%n",
                ons.get(0).keySet().stream().filter(k -> k.startsWith("eventcat.")).sorted().toList(), samplings);
        try {
            // First `events` records with trace headers: what every consume run below reads.
            produce("produce on (records for the consume runs)", ons.get(0), registry, pool, events);
            List<String> produceNames = new ArrayList<>(List.of("produce off"));
            List<Rounds.Run> produceRuns = new ArrayList<>(List.of(() -> produce("produce off", config, registry, pool, events)));
            List<String> consumeNames = new ArrayList<>(List.of("consume off"));
            List<Rounds.Run> consumeRuns = new ArrayList<>(List.of(() -> consume("consume off", config, registry, events)));
            for (int i = 0; i < samplings.size(); i++) {
                String label = "on, sampling " + samplings.get(i);
                Map<String, Object> on = ons.get(i);
                produceNames.add("produce " + label);
                produceRuns.add(() -> produce("produce " + label, on, registry, pool, events));
                consumeNames.add("consume " + label);
                consumeRuns.add(() -> consume("consume " + label, on, registry, events));
            }
            Rounds.Multi produce = Rounds.compareAll(produceNames, produceRuns, rounds);
            Rounds.Multi consume = Rounds.compareAll(consumeNames, consumeRuns, rounds);
            for (SdkTracerProvider provider : providers) {
                provider.forceFlush().join(30, TimeUnit.SECONDS);
            }

            System.out.println();
            System.out.printf("Results: metrics and tracing on vs off (generated TicketsProducer / TicketsConsumer), load average now %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (int i = 0; i < samplings.size(); i++) {
                System.out.printf(" Sampling %s (parent-based):%n", samplings.get(i));
                produce.pair(0, i + 1).print("produce", 0.90);
                consume.pair(0, i + 1).print("consume", 0.90);
                System.out.printf("  spans exported %,d; eventcat.producer.sent %,.0f; eventcat.consumer.handled %,.0f%n", exported.get(i).get(),
                        meters.get(i).find("eventcat.producer.sent").counters().stream().mapToDouble(c -> c.count()).sum(),
                        meters.get(i).find("eventcat.consumer.handled").counters().stream().mapToDouble(c -> c.count()).sum());
            }
        } finally {
            providers.forEach(SdkTracerProvider::close);
        }
    }

    /** Events per second, from the first send to the end of {@code flush()}. */
    private static Rounds.Sample produce(String what, Map<String, Object> config, SchemaRegistryClient registry, TicketPool pool,
            int count) {
        try (TicketsProducer producer = new TicketsProducer(config, registry)) {
            producer.send(pool.events().get(0)).join(); // connection and metadata out of the timing
            List<TicketOpened> events = pool.events();
            long cpu = Rounds.cpuNanos(RuntimeBench.PRODUCER_THREADS);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(events.get(i % events.size()));
            }
            producer.flush();
            return RuntimeBench.report(what, count, System.nanoTime() - start, Rounds.cpuNanos(RuntimeBench.PRODUCER_THREADS) - cpu);
        }
    }

    /** Events per second from the first record handled to the last, a group of its own. */
    private static Rounds.Sample consume(String what, Map<String, Object> config, SchemaRegistryClient registry, long expected)
            throws InterruptedException {
        Map<String, Object> consumerConfig = new HashMap<>(config);
        consumerConfig.put("group.id", "bench-observability-" + GROUPS.incrementAndGet());
        RuntimeBench.CountingClock clock = new RuntimeBench.CountingClock(expected);
        TicketsHandler handler = new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                clock.tick();
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                clock.tick();
            }
        };
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, handler, registry).start()) {
            clock.await(what);
        }
        return clock.report(what);
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
