package io.github.eventcat.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The writer injects the current context (the business transaction's span) into the row; the relay's
 * PRODUCER span {@code send <topic>} is that context's child, and its own context replaces the stored
 * one in the record, so the consumer's span continues the writer's trace. Loaded only when configured.
 */
final class OtelOutboxTracing implements OutboxTracing {
    private static final TextMapSetter<Headers> SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };

    private static final TextMapGetter<Iterable<Header>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Iterable<Header> headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Iterable<Header> headers, String name) {
            String value = null;
            if (headers != null) {
                for (Header header : headers) {
                    if (header.key().equals(name) && header.value() != null) {
                        value = new String(header.value(), StandardCharsets.UTF_8); // the last one wins, as in Kafka
                    }
                }
            }
            return value;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    OtelOutboxTracing(Object openTelemetry) {
        if (!(openTelemetry instanceof OpenTelemetry otel)) {
            throw new IllegalArgumentException("tracing needs an " + OpenTelemetry.class.getName() + ", not "
                    + openTelemetry.getClass().getName());
        }
        this.tracer = otel.getTracer("io.github.eventcat.outbox");
        TextMapPropagator configured = otel.getPropagators().getTextMapPropagator();
        this.propagator = configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
    }

    @Override
    public void inject(Headers headers) {
        propagator.inject(Context.current(), headers, SETTER);
    }

    @Override
    public Send send(OutboxRecord record) {
        Context writer = propagator.extract(Context.root(), record.headers(), GETTER);
        Span span = tracer.spanBuilder("send " + record.topic())
                .setParent(writer)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", "send")
                .setAttribute("messaging.message.id", String.valueOf(record.eventId()))
                .startSpan();
        return new Send() {
            @Override
            public Iterable<Header> headers(Iterable<Header> stored) {
                RecordHeaders headers = new RecordHeaders(stored);
                for (String field : propagator.fields()) {
                    headers.remove(field); // the writer's context: the send's span continues it
                }
                propagator.inject(Context.root().with(span), headers, SETTER);
                return headers;
            }

            @Override
            public void done(Throwable error) {
                if (error != null) {
                    span.recordException(error);
                    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                }
                span.end();
            }
        };
    }
}
