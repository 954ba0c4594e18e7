package io.github.eventcat.runtime.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A PRODUCER span per send ({@code send <topic>}, messaging semantic conventions), a child of the
 * current context (e.g. the consumer span of the handler that sends), whose context travels in the
 * record's headers ({@code traceparent}, {@code tracestate}). Ends when the broker answers.
 */
final class OtelProducerTracing implements Observers.SendObserver {
    private final OtelKafka otel;
    /** {@link Observability#TRACING_UNSAMPLED_ROOT_HEADERS}: false skips the headers of unsampled root sends. */
    private final boolean unsampledRootHeaders;

    OtelProducerTracing(Object openTelemetry, Map<String, Object> config) {
        this.otel = new OtelKafka(openTelemetry);
        String headers = KafkaConfigs.string(config, Observability.TRACING_UNSAMPLED_ROOT_HEADERS, "true")
                .toLowerCase(Locale.ROOT); // a Boolean or text, as Kafka's own boolean settings
        if (!headers.equals("true") && !headers.equals("false")) {
            throw new IllegalArgumentException(Observability.TRACING_UNSAMPLED_ROOT_HEADERS + "=" + headers
                    + " is not a boolean: use true (default: every send carries its trace context) or false (unsampled"
                    + " root sends carry no trace header)");
        }
        this.unsampledRootHeaders = headers.equals("true");
    }

    @Override
    public Observers.SendObservation sending(ProducerRecord<?, ?> record, Object event) {
        // Attributes only on a span that is recorded: an unsampled send (most of them, with a sampling ratio) makes
        // none, and the SDK's builder then allocates no attribute map. The sampler decides on the name
        // (send <topic>), the kind and the parent context.
        // Only with unsampled-root-headers=false: whether the send continues a trace (then its context always travels).
        boolean root = !unsampledRootHeaders && !Span.current().getSpanContext().isValid();
        Span span = otel.tracer
                .spanBuilder(otel.sendName(record.topic()))
                .setSpanKind(SpanKind.PRODUCER)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute(OtelKafka.SYSTEM, "kafka");
            span.setAttribute(OtelKafka.DESTINATION, record.topic());
            span.setAttribute(OtelKafka.OPERATION_TYPE, "send");
            span.setAttribute(OtelKafka.OPERATION_NAME, "send");
            span.setAttribute(OtelKafka.EVENT_TYPE, EventTypes.of(event));
            if (record.key() instanceof String key) {
                span.setAttribute(OtelKafka.KEY, key);
            } else if (record.key() instanceof byte[] key) {
                span.setAttribute(OtelKafka.KEY, new String(key, StandardCharsets.UTF_8));
            }
        }
        if (!root || span.getSpanContext().isSampled()) {
            otel.inject(span, record.headers());
        }
        if (!span.isRecording()) {
            // Not sampled: its context travels in the headers (so the consumer can follow the decision; not for a root
            // send with unsampled-root-headers=false), but ending it does nothing, and attributes would be dropped:
            // nothing to observe.
            return Observers.NO_SEND;
        }
        return new Observers.SendObservation() {
            @Override
            public void sent(RecordMetadata metadata) {
                span.setAttribute(OtelKafka.PARTITION, OtelKafka.partition(metadata.partition()));
                if (metadata.hasOffset()) {
                    span.setAttribute(OtelKafka.OFFSET, metadata.offset());
                    span.setAttribute(
                            OtelKafka.MESSAGE_ID,
                            OtelKafka.messageId(metadata.topic(), metadata.partition(), metadata.offset()));
                }
                span.end();
            }

            @Override
            public void failed(Throwable error) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                span.end();
            }
        };
    }
}
