package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The trace headers written and read as bytes are exactly what the W3C propagator writes and reads. */
class OtelKafkaTest {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final OtelKafka otel = new OtelKafka(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3C))
            .build());

    @Test
    void injectsWhatThePropagatorInjects() {
        for (TraceFlags flags : new TraceFlags[] {TraceFlags.getSampled(), TraceFlags.getDefault()}) {
            Span span = Span.wrap(SpanContext.create(
                    "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", flags, TraceState.getDefault()));
            Headers fast = new RecordHeaders().add("traceparent", "stale".getBytes(StandardCharsets.UTF_8));
            otel.inject(span, fast);
            Headers reference = new RecordHeaders();
            W3C.inject(Context.root().with(span), reference, OtelKafka.SETTER);
            assertThat(fast.toArray()).hasSize(1); // the stale header was replaced, as the propagator's setter does
            assertThat(new String(fast.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(reference.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-" + flags.asHex());
        }
        Headers none = new RecordHeaders();
        otel.inject(Span.getInvalid(), none);
        assertThat(none.toArray()).isEmpty();
    }

    @Test
    void aTraceStateStillTravels() {
        Span span = Span.wrap(SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "value").build()));
        Headers headers = new RecordHeaders();
        otel.inject(span, headers);
        assertThat(new String(headers.lastHeader("tracestate").value(), StandardCharsets.UTF_8))
                .isEqualTo("vendor=value");
        assertThat(Span.fromContext(otel.extract(headers))
                        .getSpanContext()
                        .getTraceState()
                        .get("vendor"))
                .isEqualTo("value");
    }

    @Test
    void extractsWhatThePropagatorExtracts() {
        String[] values = {
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01", // invalid trace id
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", // invalid span id
            "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", // upper case
            "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra", // a later version
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0x",
            "garbage",
        };
        for (String value : values) {
            Headers headers = new RecordHeaders().add("traceparent", value.getBytes(StandardCharsets.UTF_8));
            SpanContext fast = Span.fromContext(otel.extract(headers)).getSpanContext();
            SpanContext reference = Span.fromContext(W3C.extract(Context.root(), headers, OtelKafka.GETTER))
                    .getSpanContext();
            assertThat(fast).as(value).isEqualTo(reference);
        }
        assertThat(Span.fromContext(otel.extract(new RecordHeaders()))
                        .getSpanContext()
                        .isValid())
                .isFalse();
    }

    @Test
    void anotherPropagatorIsUsedAsItIs() {
        OtelKafka noop = new OtelKafka(OpenTelemetry.noop()); // no fields: W3C all the same
        Headers headers = new RecordHeaders();
        noop.inject(
                Span.wrap(SpanContext.create(
                        "0af7651916cd43dd8448eb211c80319c",
                        "b7ad6b7169203331",
                        TraceFlags.getSampled(),
                        TraceState.getDefault())),
                headers);
        assertThat(headers.lastHeader("traceparent")).isNotNull();
    }
}
