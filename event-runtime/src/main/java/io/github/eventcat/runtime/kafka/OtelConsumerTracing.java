package io.github.eventcat.runtime.kafka;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CONSUMER span ({@code process <topic>}) per try at a record, linked to the producer's span
 * read from the record's headers (or its child, {@link Observability#TRACING_CONSUMER_RELATION}).
 * The handler runs with it current, so what it sends continues the trace; failed calls are recorded
 * exceptions, retries are {@code retry} events, the dead-letter write is a PRODUCER child span
 * ({@code send <dlq>}; the dead-lettered record keeps the original trace headers).
 */
final class OtelConsumerTracing implements Observers.ConsumeObserver {
    private final OtelKafka otel;
    private final boolean parent;
    private final String group;

    OtelConsumerTracing(Object openTelemetry, Map<String, Object> config) {
        this.otel = new OtelKafka(openTelemetry);
        this.parent = OtelKafka.relation(config).equals("parent");
        this.group = String.valueOf(config.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Override
    public Observers.RecordObservation record(ConsumerRecord<byte[], byte[]> record) {
        // Attributes and the link to the producer's span only on a span that is recorded: an unsampled record (most
        // of them, with a sampling ratio) makes none of them, and the SDK's builder allocates no attribute map. The
        // sampler decides on the name (process <topic>), the kind and the parent (with relation=parent, the
        // producer's context from the headers).
        SpanBuilder builder =
                otel.tracer.spanBuilder(otel.processName(record.topic())).setSpanKind(SpanKind.CONSUMER);
        if (parent) {
            builder.setParent(otel.extract(record.headers()));
        }
        Span span = builder.startSpan();
        if (span.isRecording()) {
            if (!parent) {
                SpanContext producerSpan =
                        Span.fromContext(otel.extract(record.headers())).getSpanContext();
                if (producerSpan.isValid()) {
                    span.addLink(producerSpan);
                }
            }
            span.setAttribute(OtelKafka.SYSTEM, "kafka");
            span.setAttribute(OtelKafka.DESTINATION, record.topic());
            span.setAttribute(OtelKafka.OPERATION_TYPE, "process");
            span.setAttribute(OtelKafka.OPERATION_NAME, "process");
            span.setAttribute(OtelKafka.GROUP, group);
            span.setAttribute(OtelKafka.PARTITION, OtelKafka.partition(record.partition()));
            span.setAttribute(OtelKafka.OFFSET, record.offset());
            span.setAttribute(
                    OtelKafka.MESSAGE_ID, OtelKafka.messageId(record.topic(), record.partition(), record.offset()));
            if (record.key() != null) {
                span.setAttribute(OtelKafka.KEY, new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        return new Observation(span);
    }

    /** One try at a record; also its handler calls (one at a time), so a try allocates one object. */
    private final class Observation implements Observers.RecordObservation, Observers.HandlerCall {
        private final Span span;
        private boolean deadLettered;
        private Scope scope;
        private int attempt;

        Observation(Span span) {
            this.span = span;
        }

        @Override
        public void eventType(String type) {
            span.setAttribute(OtelKafka.EVENT_TYPE, type);
        }

        @Override
        public Observers.HandlerCall handlerCall(int attempt) {
            this.attempt = attempt;
            this.scope = span.makeCurrent();
            return this;
        }

        @Override
        public void failed(Throwable error) {
            span.recordException(error, Attributes.of(OtelKafka.ATTEMPT, (long) attempt));
        }

        @Override
        public void end() {
            scope.close();
            scope = null;
        }

        @Override
        public void retrying(int nextAttempt, Duration backoff) {
            span.addEvent(
                    "retry",
                    Attributes.of(
                            OtelKafka.ATTEMPT,
                            (long) nextAttempt,
                            io.opentelemetry.api.common.AttributeKey.longKey("eventcat.backoff.ms"),
                            backoff.toMillis()));
        }

        @Override
        public Observers.DeadLetterWrite deadLettering(String deadLetterTopic, String reason, Throwable cause) {
            deadLettered = true;
            Span write = otel.tracer
                    .spanBuilder(otel.sendName(deadLetterTopic))
                    .setParent(Context.current().with(span))
                    .setSpanKind(SpanKind.PRODUCER)
                    .setAttribute(OtelKafka.SYSTEM, "kafka")
                    .setAttribute(OtelKafka.DESTINATION, deadLetterTopic)
                    .setAttribute(OtelKafka.OPERATION_TYPE, "send")
                    .setAttribute(OtelKafka.OPERATION_NAME, "send")
                    .setAttribute("eventcat.dead.letter.reason", reason)
                    .startSpan();
            return new Observers.DeadLetterWrite() {
                @Override
                public void written() {
                    write.end();
                }

                @Override
                public void failed(Throwable error) {
                    write.recordException(error);
                    write.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                    write.end();
                }
            };
        }

        @Override
        public void end(boolean done, Throwable failure) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, "paused: " + failure.getMessage());
            } else if (deadLettered) {
                span.setStatus(StatusCode.ERROR, "dead-lettered");
            } else if (!done) {
                span.setAttribute("eventcat.abandoned", true); // a stop came first: delivered again later
            }
            span.end();
        }
    }
}
