package io.github.eventcat.runtime.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's metrics in Micrometer, loaded by name only when a registry is configured
 * ({@link Observers}). Per {@code topic} and {@code event.type}: {@code eventcat.consumer.handled},
 * {@code eventcat.consumer.handler.failures}, {@code eventcat.consumer.retries},
 * {@code eventcat.consumer.dead.lettered} (also tagged {@code reason}) and the timer
 * {@code eventcat.consumer.handler} (tagged {@code outcome}); per partition the gauge
 * {@code eventcat.consumer.lag}; per consumer {@code eventcat.consumer.status} (1 for its current
 * status, 0 for the others); plus Kafka's own consumer metrics.
 *
 * <p>Gauges hold their consumer weakly (Micrometer's default): they read NaN once it is gone.
 */
final class MicrometerConsumerMetrics implements Observers.ConsumeObserver {
    private final MeterRegistry registry;
    private final String group;
    /** Per topic, per event type: registered once, never looked up in the registry per record. */
    private final Map<String, Map<String, Meters>> meters = new ConcurrentHashMap<>();
    /** The previous record's meters: a topic of one event type never reaches the maps. */
    private volatile Meters last;

    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> lag = Map.of();
    private volatile Supplier<ConsumerHealth> health;
    private String clientId = "";
    private KafkaClientMetrics clientMetrics;

    MicrometerConsumerMetrics(Object registry, Map<String, Object> config) {
        this.registry = registry(registry);
        this.group = String.valueOf(config.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    static MeterRegistry registry(Object registry) {
        if (registry instanceof MeterRegistry meterRegistry) {
            return meterRegistry;
        }
        throw new IllegalArgumentException(
                Observability.METRICS_REGISTRY + " must be an " + MeterRegistry.class.getName() + " object, not "
                        + registry.getClass().getName() + ": put the registry itself in the configuration map");
    }

    @Override
    public void bind(Consumer<?, ?> consumer, List<String> topics, Supplier<ConsumerHealth> consumerHealth) {
        this.health = consumerHealth;
        this.clientId = clientId(consumer.metrics());
        for (ConsumerHealth.Status status : ConsumerHealth.Status.values()) {
            Gauge.builder("eventcat.consumer.status", this, m -> m.health.get().status() == status ? 1 : 0)
                    .description(
                            "1 for the consumer's current status (NEW, RUNNING, PAUSED, FAILED, STOPPED), 0 for the others")
                    .tags(Tags.of(
                            "group",
                            group,
                            "client.id",
                            clientId,
                            "topics",
                            String.join(",", topics),
                            "status",
                            status.name().toLowerCase(Locale.ROOT)))
                    .register(registry);
        }
        clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
    }

    private static String clientId(Map<MetricName, ? extends Metric> metrics) {
        return metrics.keySet().stream()
                .map(name -> name.tags().get("client-id"))
                .filter(id -> id != null)
                .findFirst()
                .orElse("");
    }

    @Override
    public Observers.RecordObservation record(ConsumerRecord<byte[], byte[]> record) {
        return new Observation(record.topic());
    }

    @Override
    public void lag(Map<TopicPartition, Long> snapshot) {
        lag = snapshot;
        for (TopicPartition partition : snapshot.keySet()) {
            lagGauges.computeIfAbsent(partition, p -> Gauge.builder("eventcat.consumer.lag", this, m -> m.lagOf(p))
                    .description("Records of the partition not committed yet: end offset minus committed offset")
                    .tags(
                            "group",
                            group,
                            "client.id",
                            clientId,
                            "topic",
                            p.topic(),
                            "partition",
                            Integer.toString(p.partition()))
                    .register(registry));
        }
        lagGauges.entrySet().removeIf(entry -> {
            boolean gone = !snapshot.containsKey(entry.getKey()); // revoked: another member reports it now
            if (gone) {
                registry.remove(entry.getValue());
            }
            return gone;
        });
    }

    private double lagOf(TopicPartition partition) {
        Long value = lag.get(partition);
        return value == null ? Double.NaN : value;
    }

    @Override
    public void close() {
        if (clientMetrics != null) {
            clientMetrics.close();
        }
    }

    private Meters metersOf(String topic, String type) {
        Meters previous = last;
        if (previous != null && previous.type.equals(type) && previous.topic.equals(topic)) {
            return previous; // the type names are the same String instances (EventTypes): equals is a compare of
            // references
        }
        Meters found = meters.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> new Meters(topic, t));
        last = found;
        return found;
    }

    /** The meters of one topic and event type. */
    private final class Meters {
        final Counter handled;
        final Counter failures;
        final Counter retries;
        final Timer succeeded;
        final Timer failed;
        private final String topic;
        private final String type;
        private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

        Meters(String topic, String type) {
            this.topic = topic;
            this.type = type;
            handled = counter("eventcat.consumer.handled", "Events the handler finished without an exception");
            failures = counter("eventcat.consumer.handler.failures", "Handler calls that threw");
            retries = counter("eventcat.consumer.retries", "Handler calls after a failed one");
            succeeded = timer("success");
            failed = timer("failure");
        }

        /** A counter of this topic and event type. */
        private Counter counter(String name, String description) {
            return Counter.builder(name)
                    .description(description)
                    .tags("topic", topic, "event.type", type)
                    .register(registry);
        }

        private Timer timer(String outcome) {
            return Timer.builder("eventcat.consumer.handler")
                    .description("Handler call duration")
                    .tags("topic", topic, "event.type", type, "outcome", outcome)
                    .register(registry);
        }

        Counter deadLettered(String reason) {
            return deadLettered.computeIfAbsent(reason, r -> Counter.builder("eventcat.consumer.dead.lettered")
                    .description("Records written to the dead-letter topic")
                    .tags("topic", topic, "event.type", type, "reason", r)
                    .register(registry));
        }
    }

    /** One try at one record; also its handler calls (one at a time), so a try allocates one object. */
    private final class Observation implements Observers.RecordObservation, Observers.HandlerCall {
        private final String topic;
        private Meters meters;
        private Meters calling;
        private long start;
        private boolean failed;

        Observation(String topic) {
            this.topic = topic;
        }

        @Override
        public void eventType(String type) {
            meters = metersOf(topic, type);
        }

        private Meters meters() {
            if (meters == null) {
                meters = metersOf(topic, EventTypes.UNREADABLE);
            }
            return meters;
        }

        @Override
        public Observers.HandlerCall handlerCall(int attempt) {
            calling = meters();
            failed = false;
            start = System.nanoTime();
            return this;
        }

        @Override
        public void failed(Throwable error) {
            failed = true;
        }

        @Override
        public void end() {
            long nanos = System.nanoTime() - start;
            if (failed) {
                calling.failures.increment();
                calling.failed.record(nanos, TimeUnit.NANOSECONDS);
            } else {
                calling.handled.increment();
                calling.succeeded.record(nanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void retrying(int nextAttempt, Duration backoff) {
            meters().retries.increment();
        }

        @Override
        public Observers.DeadLetterWrite deadLettering(String deadLetterTopic, String reason, Throwable cause) {
            Counter counter = meters().deadLettered(reason);
            return new Observers.DeadLetterWrite() {
                @Override
                public void written() {
                    counter.increment();
                }

                @Override
                public void failed(Throwable error) {
                    // not dead-lettered yet: the consumer pauses and tries again (its status says so)
                }
            };
        }

        @Override
        public void end(boolean done, Throwable failure) {}
    }
}
