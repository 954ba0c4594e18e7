package io.github.eventcat.runtime.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer's metrics in Micrometer: {@code eventcat.producer.sent} and
 * {@code eventcat.producer.send.failures}, tagged {@code topic} and {@code event.type}, plus Kafka's
 * own producer metrics. Loaded by name only when a registry is configured ({@link Observers}).
 */
final class MicrometerProducerMetrics implements Observers.SendObserver {
    private final MeterRegistry registry;
    /** Per topic, per event type: registered once, never looked up in the registry per send. */
    private final Map<String, Map<String, Meters>> meters = new ConcurrentHashMap<>();
    /** The meters of the previous send's topic and event class: one event type per topic never reaches the maps. */
    private volatile Meters last;

    private KafkaClientMetrics clientMetrics;

    MicrometerProducerMetrics(Object registry, Map<String, Object> config) {
        this.registry = MicrometerConsumerMetrics.registry(registry);
    }

    @Override
    public void bind(Producer<?, ?> producer) {
        clientMetrics = new KafkaClientMetrics(producer);
        clientMetrics.bindTo(registry);
    }

    @Override
    public Observers.SendObservation sending(ProducerRecord<?, ?> record, Object event) {
        Meters previous = last;
        Class<?> eventClass = event == null ? null : event.getClass();
        if (previous != null
                && previous.eventClass == eventClass
                && EventTypes.byClass(event)
                && previous.topic.equals(record.topic())) {
            return previous;
        }
        String type = EventTypes.of(event);
        Meters found = meters.computeIfAbsent(record.topic(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> new Meters(record.topic(), t, eventClass));
        last = found;
        return found;
    }

    @Override
    public void close() {
        if (clientMetrics != null) {
            clientMetrics.close();
        }
    }

    /** The counters of one topic and event type; stateless, so one instance serves every send. */
    private final class Meters implements Observers.SendObservation {
        private final Counter sent;
        private final Counter failed;
        final String topic;
        final Class<?> eventClass;

        Meters(String topic, String type, Class<?> eventClass) {
            this.topic = topic;
            this.eventClass = eventClass;
            sent = counter("eventcat.producer.sent", "Events the broker acknowledged", topic, type);
            failed = counter(
                    "eventcat.producer.send.failures", "Events not sent: serialization or broker failure", topic, type);
        }

        /** A counter of one topic and event type. */
        private Counter counter(String name, String description, String topic, String type) {
            return Counter.builder(name)
                    .description(description)
                    .tags("topic", topic, "event.type", type)
                    .register(registry);
        }

        @Override
        public void sent(RecordMetadata metadata) {
            sent.increment();
        }

        @Override
        public void failed(Throwable error) {
            failed.increment();
        }
    }
}
