package io.github.eventcat.runtime.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
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

    OtelProducerTracing(Object openTelemetry, Map<String, Object> config) {
        this.otel = new OtelKafka(openTelemetry);
    }

    @Override
    public Observers.SendObservation sending(ProducerRecord<?, ?> record, Object event) {
        Span span = otel.tracer
                .spanBuilder(otel.sendName(record.topic()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(OtelKafka.SYSTEM, "kafka")
                .setAttribute(OtelKafka.DESTINATION, record.topic())
                .setAttribute(OtelKafka.OPERATION_TYPE, "send")
                .setAttribute(OtelKafka.OPERATION_NAME, "send")
                .setAttribute(OtelKafka.EVENT_TYPE, EventTypes.of(event))
                .startSpan();
        if (record.key() instanceof String key) {
            span.setAttribute(OtelKafka.KEY, key);
        } else if (record.key() instanceof byte[] key && span.isRecording()) {
            span.setAttribute(OtelKafka.KEY, new String(key, StandardCharsets.UTF_8));
        }
        otel.inject(span, record.headers());
        return new Observers.SendObservation() {
            @Override
            public void sent(RecordMetadata metadata) {
                if (!span.isRecording()) {
                    span.end(); // not sampled: attributes would be dropped, so none are made
                    return;
                }
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
