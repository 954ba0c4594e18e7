package io.github.eventcat.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events of one topic: key from the event's key field, the value through a schema-registry
 * serializer. Idempotent with {@code acks=all} unless the configuration says otherwise. With a
 * {@code transactional.id} it is transactional: call {@link #inTransaction} around sends.
 *
 * <p>Thread-safe (as {@link KafkaProducer} is). An event that cannot be serialized (not registered,
 * invalid against its JSON schema) throws from {@code send}; a failure of the broker completes the
 * returned future exceptionally.
 */
public final class EventProducer<V> implements AutoCloseable {
    private final String topic;
    private final Function<? super V, ?> keyOf;
    private final Producer<String, V> producer;
    private final boolean transactional;
    private final KafkaSecurityErrors securityErrors;
    private final Observers.SendObserver observer;

    private EventProducer(
            String topic,
            Function<? super V, ?> keyOf,
            Producer<String, V> producer,
            boolean transactional,
            KafkaSecurityErrors securityErrors,
            Observers.SendObserver observer) {
        this.securityErrors = securityErrors;
        this.observer = observer;
        this.topic = topic;
        this.keyOf = keyOf;
        this.producer = producer;
        this.transactional = transactional;
        if (transactional) {
            producer.initTransactions();
        }
    }

    /** {@code config}: Kafka producer settings ({@code bootstrap.servers}, SASL/SSL, {@code transactional.id}...). */
    public static <V> Builder<V> builder(Map<String, ?> config) {
        return new Builder<>(KafkaConfigs.copy(config));
    }

    public static <V> Builder<V> builder(Properties config) {
        return new Builder<>(KafkaConfigs.copy(config));
    }

    public String topic() {
        return topic;
    }

    public boolean isTransactional() {
        return transactional;
    }

    /** Sends {@code event} keyed by its key field. */
    public CompletableFuture<RecordMetadata> send(V event) {
        return send(EventKeys.render(keyOf.apply(event)), event, null); // null: no List to iterate per send
    }

    /** Sends {@code event} keyed by its key field, with headers (UTF-8 text values). */
    public CompletableFuture<RecordMetadata> send(V event, Map<String, String> headers) {
        List<Header> list = headers.entrySet().stream()
                .<Header>map(h -> new RecordHeader(
                        h.getKey(), h.getValue() == null ? null : h.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return send(EventKeys.render(keyOf.apply(event)), event, list);
    }

    /** Sends {@code event} with an explicit key (null: Kafka's partitioner picks) and headers (null: none). */
    public CompletableFuture<RecordMetadata> send(String key, V event, Iterable<Header> headers) {
        Objects.requireNonNull(event, "event == null");
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        ProducerRecord<String, V> record = new ProducerRecord<>(topic, null, key, event, headers);
        Observers.SendObservation observation = observer.sending(record, event);
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    observation.failed(error);
                    result.completeExceptionally(securityErrors.explain(error));
                } else {
                    observation.sent(metadata);
                    result.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            observation.failed(e); // not serializable (not registered, invalid) or the producer is closed
            throw e;
        }
        return result;
    }

    /**
     * Runs {@code body} in a transaction: everything it sends is committed together, or, when it
     * throws (or a send fails), nothing is visible to {@code read_committed} consumers.
     */
    public void inTransaction(Consumer<? super EventProducer<V>> body) {
        if (!transactional) {
            throw new IllegalStateException(
                    "this producer has no transactional.id: set one in its configuration to use transactions");
        }
        producer.beginTransaction();
        try {
            body.accept(this);
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // Another producer took over this transactional.id, or we may not write: this one is done for good.
            producer.close(Duration.ZERO);
            throw fatal;
        } catch (RuntimeException | Error e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    public void inTransaction(Runnable body) {
        inTransaction(self -> body.run());
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        observer.close();
        producer.close();
    }

    /** Builds a producer; generated {@code <Topic>Producer}s call this once. */
    public static final class Builder<V> {
        private final Map<String, Object> config;
        private String topic;
        private Function<? super V, ?> keyOf = event -> null;
        private Serializer<V> valueSerializer;
        // Object, not the libraries' types: fields are resolved when the class loads, methods only when called.
        private Object meterRegistry;
        private Object openTelemetry;

        private Builder(Map<String, Object> config) {
            this.config = config;
        }

        public Builder<V> topic(String name) {
            this.topic = name;
            return this;
        }

        /** The key field of an event (String or UUID); without it records have no key. */
        public Builder<V> key(Function<? super V, ?> keyField) {
            this.keyOf = Objects.requireNonNull(keyField, "keyField == null");
            return this;
        }

        /** The value serializer, ready to use (built with a registry client, or {@code configure()} already called). */
        public Builder<V> valueSerializer(Serializer<V> serializer) {
            this.valueSerializer = serializer;
            return this;
        }

        /** Sets {@code transactional.id}, turning transactions on. */
        public Builder<V> transactionalId(String id) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
            return this;
        }

        /**
         * Counts this producer's sends in {@code registry} (needs Micrometer on the class path; the
         * same as {@link Observability#METRICS_REGISTRY} in the configuration).
         */
        public Builder<V> metrics(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry == null");
            return this;
        }

        /**
         * Traces each send with {@code openTelemetry} (needs the OpenTelemetry API on the class path;
         * the same as {@link Observability#TRACING_OPENTELEMETRY} in the configuration).
         */
        public Builder<V> tracing(io.opentelemetry.api.OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
            return this;
        }

        public EventProducer<V> build() {
            Objects.requireNonNull(topic, "topic == null");
            Objects.requireNonNull(valueSerializer, "valueSerializer == null");
            Observers.SendObserver observer = Observers.producer(config, meterRegistry, openTelemetry);
            Map<String, Object> producerConfig = KafkaConfigs.producer(config);
            boolean transactional = producerConfig.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null;
            // Kafka only calls configure() on serializers it creates itself, not on instances passed in.
            KafkaProducer<String, V> producer =
                    new KafkaProducer<>(producerConfig, new StringSerializer(), valueSerializer);
            observer.bind(producer);
            return new EventProducer<>(
                    topic, keyOf, producer, transactional, KafkaSecurityErrors.of(producerConfig), observer);
        }
    }
}
