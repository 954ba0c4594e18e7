package com.example.app;

import io.github.eventcat.runtime.kafka.Observability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How a service wires metrics and tracing into the generated producers and consumers: the
 * Micrometer registry and the OpenTelemetry instance go into the one configuration map (the
 * generated classes pass it on to the runtime). Here the registry is a {@link SimpleMeterRegistry}
 * and spans are kept in memory, so the demo can print them; a real service puts its Prometheus
 * registry and its configured SDK (or the agent's {@code GlobalOpenTelemetry}) there instead.
 */
public final class ShopObservability implements AutoCloseable {
    private final SimpleMeterRegistry meters;
    private final SdkTracerProvider tracerProvider;
    private final List<SpanData> spans = java.util.Collections.synchronizedList(new ArrayList<>());
    private final OpenTelemetrySdk openTelemetry;

    public ShopObservability(boolean metrics, boolean tracing) {
        this.meters = metrics ? new SimpleMeterRegistry() : null;
        if (tracing) {
            tracerProvider = SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(new KeepingExporter()))
                    .build();
            openTelemetry = OpenTelemetrySdk.builder()
                    .setTracerProvider(tracerProvider)
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
        } else {
            tracerProvider = null;
            openTelemetry = null;
        }
    }

    /** {@code config} plus what turns metrics and tracing on (nothing when both are off). */
    public Map<String, Object> configure(Map<String, ?> config) {
        Map<String, Object> copy = new HashMap<>(config);
        if (meters != null) {
            copy.put(Observability.METRICS_REGISTRY, meters);
        }
        if (openTelemetry != null) {
            copy.put(Observability.TRACING_OPENTELEMETRY, openTelemetry);
            // One trace per ticket through the three services (the default, "link", starts a trace per
            // consumer span and links it to the producer's).
            copy.put(Observability.TRACING_CONSUMER_RELATION, "parent");
        }
        return copy;
    }

    /** The Eventcat counters and timers, then each trace as its spans in start order. */
    public void print(PrintStream out) {
        if (meters != null) {
            out.println("Metrics:");
            meters.getMeters().stream()
                    .filter(m ->
                            m.getId().getName().startsWith("eventcat.") && (m instanceof Counter || m instanceof Timer))
                    .sorted(Comparator.comparing((Meter m) -> m.getId().getName())
                            .thenComparing(m -> m.getId().getTags().toString()))
                    .forEach(m -> out.println("  " + m.getId().getName() + tags(m) + " = " + value(m)));
        }
        if (tracerProvider != null) {
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            Map<String, List<SpanData>> traces = new LinkedHashMap<>();
            synchronized (spans) {
                spans.stream()
                        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                        .forEach(s -> traces.computeIfAbsent(s.getTraceId(), t -> new ArrayList<>())
                                .add(s));
            }
            out.println("Traces: " + traces.size());
            traces.forEach((id, trace) -> out.println(
                    "  " + id + ": " + trace.stream().map(SpanData::getName).collect(Collectors.joining(" → "))));
        }
    }

    private static String tags(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getValue).collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Meter meter) {
        if (meter instanceof Timer timer) {
            return timer.count() + " calls, mean " + String.format("%.2f", timer.mean(TimeUnit.MILLISECONDS)) + " ms";
        }
        return String.format("%.0f", ((Counter) meter).count());
    }

    @Override
    public void close() {
        if (tracerProvider != null) {
            tracerProvider.close();
        }
        if (meters != null) {
            meters.close();
        }
    }

    /** Keeps finished spans for {@link #print}. */
    private final class KeepingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> finished) {
            spans.addAll(finished);
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
