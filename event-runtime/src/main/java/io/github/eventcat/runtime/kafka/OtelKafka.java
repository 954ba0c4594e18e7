package io.github.eventcat.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * What the producer's and the consumer's tracing share: the tracer, the propagator (the
 * OpenTelemetry instance's, or W3C trace context when it has none, so trace headers always travel)
 * and Kafka headers as carrier. Only loaded when tracing is configured.
 */
final class OtelKafka {
    static final String SCOPE = "io.github.eventcat.runtime";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("eventcat.event.type");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("eventcat.attempt");

    static final TextMapSetter<Headers> SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };

    static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String name) {
            Header header = headers == null ? null : headers.lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    final Tracer tracer;
    final TextMapPropagator propagator;

    OtelKafka(Object openTelemetry) {
        if (!(openTelemetry instanceof OpenTelemetry otel)) {
            throw new IllegalArgumentException(Observability.TRACING_OPENTELEMETRY + " must be an " + OpenTelemetry.class.getName()
                    + " object, not " + openTelemetry.getClass().getName() + ": put the instance itself in the configuration map");
        }
        this.tracer = otel.getTracer(SCOPE);
        TextMapPropagator configured = otel.getPropagators().getTextMapPropagator();
        this.propagator = configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
    }

    /** The record's id in logs and spans alike: {@code topic-partition@offset}. */
    static String messageId(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    static String relation(Map<String, Object> config) {
        String relation = KafkaConfigs.string(config, Observability.TRACING_CONSUMER_RELATION, "link");
        if (!relation.equals("link") && !relation.equals("parent")) {
            throw new IllegalArgumentException(Observability.TRACING_CONSUMER_RELATION + "=" + relation
                    + " is not a relation: use link (a new trace linked to the producer's span) or parent (a child in its trace)");
        }
        return relation;
    }
}
