package io.github.eventcat.runtime.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The hooks through which producers and consumers report to metrics (Micrometer) and tracing
 * (OpenTelemetry), both optional dependencies. The types here mention neither library: the
 * implementations that do ({@code Micrometer*}, {@code Otel*}) are loaded by name, and only when a
 * registry or an OpenTelemetry instance was configured, so a service without those jars never loads
 * a class that refers to them. With neither configured every hook is a shared no-op.
 */
final class Observers {
    private static final String MICROMETER_PRODUCER = "io.github.eventcat.runtime.kafka.MicrometerProducerMetrics";
    private static final String MICROMETER_CONSUMER = "io.github.eventcat.runtime.kafka.MicrometerConsumerMetrics";
    private static final String OTEL_PRODUCER = "io.github.eventcat.runtime.kafka.OtelProducerTracing";
    private static final String OTEL_CONSUMER = "io.github.eventcat.runtime.kafka.OtelConsumerTracing";

    private Observers() {}

    /** What a producer reports. */
    interface SendObserver extends AutoCloseable {
        /** Kafka's own client metrics, once the client exists. */
        default void bind(Producer<?, ?> producer) {}

        /** Before the send; may add headers to {@code record} (trace context). */
        SendObservation sending(ProducerRecord<?, ?> record, Object event);

        @Override
        default void close() {}
    }

    interface SendObservation {
        void sent(RecordMetadata metadata);

        void failed(Throwable error);
    }

    /** What a consumer reports. */
    interface ConsumeObserver extends AutoCloseable {
        default void bind(Consumer<?, ?> consumer, List<String> topics, Supplier<ConsumerHealth> health) {}

        /** One try at a fetched record: handling it, or dead-lettering it. */
        RecordObservation record(ConsumerRecord<byte[], byte[]> record);

        /** A fresh lag snapshot (unread records per assigned partition). */
        default void lag(Map<TopicPartition, Long> lag) {}

        @Override
        default void close() {}
    }

    interface RecordObservation {
        /** The event's type, once it was read; {@link EventTypes#UNREADABLE} for a poison record. */
        void eventType(String type);

        /** Around one handler call: the span is current on this thread until {@link HandlerCall#end()}. */
        HandlerCall handlerCall(int attempt);

        void retrying(int nextAttempt, Duration backoff);

        /** Around the dead-letter write. */
        DeadLetterWrite deadLettering(String deadLetterTopic, String reason, Throwable cause);

        /** The try is over: done (handled, skipped or dead-lettered), given up on a stop, or stuck on {@code failure}. */
        void end(boolean done, Throwable failure);
    }

    interface HandlerCall {
        void failed(Throwable error);

        void end();
    }

    interface DeadLetterWrite {
        void written();

        void failed(Throwable error);
    }

    static final SendObservation NO_SEND = new SendObservation() {
        @Override
        public void sent(RecordMetadata metadata) {}

        @Override
        public void failed(Throwable error) {}
    };

    static final SendObserver NO_SENDS = (record, event) -> NO_SEND;

    static final HandlerCall NO_CALL = new HandlerCall() {
        @Override
        public void failed(Throwable error) {}

        @Override
        public void end() {}
    };

    static final DeadLetterWrite NO_WRITE = new DeadLetterWrite() {
        @Override
        public void written() {}

        @Override
        public void failed(Throwable error) {}
    };

    static final RecordObservation NO_RECORD = new RecordObservation() {
        @Override
        public void eventType(String type) {}

        @Override
        public HandlerCall handlerCall(int attempt) {
            return NO_CALL;
        }

        @Override
        public void retrying(int nextAttempt, Duration backoff) {}

        @Override
        public DeadLetterWrite deadLettering(String deadLetterTopic, String reason, Throwable cause) {
            return NO_WRITE;
        }

        @Override
        public void end(boolean done, Throwable failure) {}
    };

    static final ConsumeObserver NO_RECORDS = record -> NO_RECORD;

    /** The producer's observer from the builder's objects, else the configuration's ({@link Observability}). */
    static SendObserver producer(Map<String, Object> config, Object meterRegistry, Object openTelemetry) {
        Object registry = meterRegistry != null ? meterRegistry : config.get(Observability.METRICS_REGISTRY);
        Object otel = openTelemetry != null ? openTelemetry : config.get(Observability.TRACING_OPENTELEMETRY);
        SendObserver metrics = registry == null
                ? null
                : (SendObserver) load(MICROMETER_PRODUCER, Observability.METRICS_REGISTRY, registry, config);
        SendObserver tracing = otel == null
                ? null
                : (SendObserver) load(OTEL_PRODUCER, Observability.TRACING_OPENTELEMETRY, otel, config);
        if (metrics == null && tracing == null) {
            return NO_SENDS;
        }
        return metrics == null ? tracing : tracing == null ? metrics : new BothSend(tracing, metrics);
    }

    /** The consumer's observer from the builder's objects, else the configuration's ({@link Observability}). */
    static ConsumeObserver consumer(Map<String, Object> config, Object meterRegistry, Object openTelemetry) {
        Object registry = meterRegistry != null ? meterRegistry : config.get(Observability.METRICS_REGISTRY);
        Object otel = openTelemetry != null ? openTelemetry : config.get(Observability.TRACING_OPENTELEMETRY);
        ConsumeObserver metrics = registry == null
                ? null
                : (ConsumeObserver) load(MICROMETER_CONSUMER, Observability.METRICS_REGISTRY, registry, config);
        ConsumeObserver tracing = otel == null
                ? null
                : (ConsumeObserver) load(OTEL_CONSUMER, Observability.TRACING_OPENTELEMETRY, otel, config);
        if (metrics == null && tracing == null) {
            return NO_RECORDS;
        }
        return metrics == null ? tracing : tracing == null ? metrics : new BothConsume(tracing, metrics);
    }

    private static Object load(String className, String setting, Object instance, Map<String, Object> config) {
        try {
            Class<?> type = Class.forName(className, true, Observers.class.getClassLoader());
            return type.getDeclaredConstructor(Object.class, Map.class).newInstance(instance, config);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof LinkageError missing) {
                throw notOnClassPath(setting, missing);
            }
            throw new IllegalStateException("cannot set up " + setting + ": " + e.getCause(), e.getCause());
        } catch (ClassNotFoundException | LinkageError e) {
            throw notOnClassPath(setting, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set up " + setting + ": " + e, e);
        }
    }

    private static IllegalArgumentException notOnClassPath(String setting, Throwable cause) {
        String library = setting.equals(Observability.METRICS_REGISTRY)
                ? "Micrometer (io.micrometer:micrometer-core)"
                : "the OpenTelemetry API (io.opentelemetry:opentelemetry-api)";
        return new IllegalArgumentException(
                setting + " is set, but " + library
                        + " is not on the class path: add it to the application, or drop the setting",
                cause);
    }

    /** Tracing and metrics together: tracing first, so the metrics' work happens inside the span. */
    private record BothSend(SendObserver first, SendObserver second) implements SendObserver {
        @Override
        public void bind(Producer<?, ?> producer) {
            first.bind(producer);
            second.bind(producer);
        }

        @Override
        public SendObservation sending(ProducerRecord<?, ?> record, Object event) {
            SendObservation a = first.sending(record, event);
            SendObservation b = second.sending(record, event);
            if (a == NO_SEND || b == NO_SEND) {
                return a == NO_SEND ? b : a; // e.g. a span not sampled: only the counters to feed
            }
            return new SendObservation() {
                @Override
                public void sent(RecordMetadata metadata) {
                    b.sent(metadata);
                    a.sent(metadata);
                }

                @Override
                public void failed(Throwable error) {
                    b.failed(error);
                    a.failed(error);
                }
            };
        }

        @Override
        public void close() {
            second.close();
            first.close();
        }
    }

    private record BothConsume(ConsumeObserver first, ConsumeObserver second) implements ConsumeObserver {
        @Override
        public void bind(Consumer<?, ?> consumer, List<String> topics, Supplier<ConsumerHealth> health) {
            first.bind(consumer, topics, health);
            second.bind(consumer, topics, health);
        }

        @Override
        public RecordObservation record(ConsumerRecord<byte[], byte[]> record) {
            return new BothRecord(first.record(record), second.record(record));
        }

        @Override
        public void lag(Map<TopicPartition, Long> lag) {
            first.lag(lag);
            second.lag(lag);
        }

        @Override
        public void close() {
            second.close();
            first.close();
        }
    }

    /** Both observations of one try; also the pair's handler calls (one at a time), so a try allocates one more object, not one per call. */
    private static final class BothRecord implements RecordObservation, HandlerCall {
        private final RecordObservation a;
        private final RecordObservation b;
        private HandlerCall outer;
        private HandlerCall inner;

        BothRecord(RecordObservation a, RecordObservation b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void eventType(String type) {
            a.eventType(type);
            b.eventType(type);
        }

        @Override
        public HandlerCall handlerCall(int attempt) {
            outer = a.handlerCall(attempt);
            inner = b.handlerCall(attempt);
            return this;
        }

        @Override
        public void failed(Throwable error) {
            inner.failed(error);
            outer.failed(error);
        }

        @Override
        public void end() {
            inner.end();
            outer.end();
        }

        @Override
        public void retrying(int nextAttempt, Duration backoff) {
            a.retrying(nextAttempt, backoff);
            b.retrying(nextAttempt, backoff);
        }

        @Override
        public DeadLetterWrite deadLettering(String deadLetterTopic, String reason, Throwable cause) {
            DeadLetterWrite outer = a.deadLettering(deadLetterTopic, reason, cause);
            DeadLetterWrite inner = b.deadLettering(deadLetterTopic, reason, cause);
            return new DeadLetterWrite() {
                @Override
                public void written() {
                    inner.written();
                    outer.written();
                }

                @Override
                public void failed(Throwable error) {
                    inner.failed(error);
                    outer.failed(error);
                }
            };
        }

        @Override
        public void end(boolean done, Throwable failure) {
            b.end(done, failure);
            a.end(done, failure);
        }
    }
}
