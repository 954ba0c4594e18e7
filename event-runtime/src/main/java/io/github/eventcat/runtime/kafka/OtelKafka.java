package io.github.eventcat.runtime.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

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

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    private static final int TRACEPARENT_LENGTH = 55;
    /** Partition ids as attribute values, made once. */
    private static final String[] PARTITIONS = new String[256];

    static {
        for (int i = 0; i < PARTITIONS.length; i++) {
            PARTITIONS[i] = Integer.toString(i);
        }
    }

    final Tracer tracer;
    final TextMapPropagator propagator;
    /** The propagator is plain W3C trace context: headers are written and read here, without text maps. */
    private final boolean w3c;
    /** Span names per topic ({@code send <topic>}, {@code process <topic>}): made once, not per record. */
    private final Names sendNames = new Names("send ");

    private final Names processNames = new Names("process ");

    OtelKafka(Object openTelemetry) {
        if (!(openTelemetry instanceof OpenTelemetry otel)) {
            throw new IllegalArgumentException(Observability.TRACING_OPENTELEMETRY + " must be an "
                    + OpenTelemetry.class.getName() + " object, not "
                    + openTelemetry.getClass().getName() + ": put the instance itself in the configuration map");
        }
        this.tracer = otel.getTracer(SCOPE);
        TextMapPropagator configured = otel.getPropagators().getTextMapPropagator();
        this.propagator = configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
        this.w3c = propagator == W3CTraceContextPropagator.getInstance();
    }

    /** {@code send <topic>}, made once per topic. */
    String sendName(String topic) {
        return sendNames.of(topic);
    }

    /** {@code process <topic>}, made once per topic. */
    String processName(String topic) {
        return processNames.of(topic);
    }

    /** Span names per topic; the previous topic's name in one volatile read (a client mostly serves one topic). */
    private static final class Names {
        private final String operation;
        private final Map<String, String> names = new ConcurrentHashMap<>();
        private volatile String[] last = {null, null};

        Names(String operation) {
            this.operation = operation;
        }

        String of(String topic) {
            String[] previous = last;
            if (previous[0] == topic || topic.equals(previous[0])) {
                return previous[1];
            }
            String name = names.computeIfAbsent(topic, t -> operation + t);
            last = new String[] {topic, name};
            return name;
        }
    }

    static String partition(int partition) {
        return partition >= 0 && partition < PARTITIONS.length ? PARTITIONS[partition] : Integer.toString(partition);
    }

    /**
     * Puts {@code span}'s context into {@code headers}: what the propagator's {@code inject} does,
     * done directly (one byte array, no text map) when the propagator is W3C trace context and the
     * span has no trace state.
     */
    void inject(Span span, Headers headers) {
        SpanContext context = span.getSpanContext();
        if (!w3c || !context.getTraceState().isEmpty()) {
            propagator.inject(Context.current().with(span), headers, SETTER);
            return;
        }
        if (!context.isValid()) {
            return;
        }
        byte[] value = new byte[TRACEPARENT_LENGTH];
        value[0] = '0';
        value[1] = '0';
        value[2] = '-';
        ascii(context.getTraceId(), value, 3);
        value[35] = '-';
        ascii(context.getSpanId(), value, 36);
        value[52] = '-';
        ascii(context.getTraceFlags().asHex(), value, 53);
        if (headers.lastHeader(TRACEPARENT) != null) { // (remove() would walk the list with an iterator every time)
            headers.remove(TRACEPARENT);
        }
        headers.add(TRACEPARENT, value);
    }

    /** Hex digits (ASCII) copied as bytes: String's own low-byte copy, no per-char loop. */
    @SuppressWarnings("deprecation")
    private static void ascii(String text, byte[] into, int at) {
        text.getBytes(0, text.length(), into, at);
    }

    /**
     * The producer's context from {@code headers}, as the propagator's {@code extract} onto the
     * root context gives it; read directly when the propagator is W3C trace context and the record
     * carries a well-formed version-00 {@code traceparent} and no {@code tracestate}.
     */
    Context extract(Headers headers) {
        if (w3c && headers.lastHeader(TRACESTATE) == null) {
            Header header = headers.lastHeader(TRACEPARENT);
            if (header == null) {
                return Context.root();
            }
            byte[] value = header.value();
            if (value != null
                    && value.length == TRACEPARENT_LENGTH
                    && value[0] == '0'
                    && value[1] == '0'
                    && value[2] == '-'
                    && value[35] == '-'
                    && value[52] == '-'
                    && hex(value[53])
                    && hex(value[54])) {
                SpanContext remote = SpanContext.createFromRemoteParent(
                        new String(value, 3, 32, StandardCharsets.ISO_8859_1),
                        new String(value, 36, 16, StandardCharsets.ISO_8859_1),
                        TraceFlags.fromByte(
                                (byte) (Character.digit(value[53], 16) << 4 | Character.digit(value[54], 16))),
                        TraceState.getDefault());
                return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
            }
        }
        return propagator.extract(Context.root(), headers, GETTER);
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f');
    }

    /** The record's id in logs and spans alike: {@code topic-partition@offset}. */
    static String messageId(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    static String relation(Map<String, Object> config) {
        String relation = KafkaConfigs.string(config, Observability.TRACING_CONSUMER_RELATION, "link");
        if (!relation.equals("link") && !relation.equals("parent")) {
            throw new IllegalArgumentException(
                    Observability.TRACING_CONSUMER_RELATION + "=" + relation
                            + " is not a relation: use link (a new trace linked to the producer's span) or parent (a child in its trace)");
        }
        return relation;
    }
}
