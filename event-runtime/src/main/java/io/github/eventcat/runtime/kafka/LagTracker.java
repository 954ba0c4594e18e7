package io.github.eventcat.runtime.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's assigned partitions and their lag (end offset minus the group's committed offset:
 * records not finished yet, fetched or not) for {@link ConsumerHealth} and the lag gauges. Refreshed
 * on the polling thread (Kafka's consumer is single-threaded) every {@link EventConsumer#LAG_INTERVAL_MS},
 * with two small requests; read from any thread.
 */
final class LagTracker {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** On the way out: a broker that is gone must not hold up close() for long. */
    private static final Duration FINAL_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final long intervalNanos;
    private final Observers.ConsumeObserver observer;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile Map<TopicPartition, Long> lag = Map.of();
    private long nextAt;
    private volatile boolean frozen;

    LagTracker(Duration interval, Observers.ConsumeObserver observer) {
        this.intervalNanos = interval.toNanos();
        this.observer = observer;
    }

    Set<TopicPartition> assigned() {
        return assigned;
    }

    Map<TopicPartition, Long> lag() {
        return lag;
    }

    void assigned(Collection<TopicPartition> partitions) {
        if (frozen) {
            return;
        }
        Set<TopicPartition> now = new HashSet<>(assigned);
        now.addAll(partitions);
        assigned = Set.copyOf(now);
        nextAt = 0; // new partitions: measure at the next turn of the loop
    }

    void removed(Collection<TopicPartition> partitions) {
        if (frozen) {
            return; // closing the client revokes everything: keep what it owned and left behind
        }
        Set<TopicPartition> now = new HashSet<>(assigned);
        now.removeAll(partitions);
        assigned = Set.copyOf(now);
        Map<TopicPartition, Long> left = new HashMap<>(lag);
        left.keySet().removeAll(partitions);
        lag = Map.copyOf(left);
        observer.lag(lag);
    }

    /** Polling thread, every turn of the loop: measures when the interval is over. */
    void maybeRefresh(Consumer<?, ?> consumer) {
        if (intervalNanos <= 0 || System.nanoTime() - nextAt < 0) {
            return;
        }
        nextAt = System.nanoTime() + intervalNanos;
        try {
            refresh(consumer, REQUEST_TIMEOUT);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Lag of {} not measured this time: {}", assigned, e.toString());
        }
    }

    /** On the way out (after the last commit): the backlog left behind, kept in the health and the gauges. */
    void finalRefresh(Consumer<?, ?> consumer) {
        try {
            if (intervalNanos <= 0) {
                return;
            }
            for (int tries = 0; tries < 2; tries++) {
                try {
                    refresh(consumer, FINAL_REQUEST_TIMEOUT);
                    return;
                } catch (WakeupException e) {
                    // a wakeup() that arrived while not polling; it is spent now, try again
                } catch (RuntimeException e) {
                    LOG.debug("Lag of {} not measured on stop: {}", assigned, e.toString());
                    return;
                }
            }
        } finally {
            frozen = true;
        }
    }

    private void refresh(Consumer<?, ?> consumer, Duration timeout) {
        Set<TopicPartition> partitions = consumer.assignment();
        if (partitions.isEmpty()) {
            lag = Map.of();
            observer.lag(lag);
            return;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, timeout);
        Set<TopicPartition> neverCommitted = new HashSet<>();
        partitions.forEach(p -> {
            if (committed.get(p) == null) {
                neverCommitted.add(p);
            }
        });
        // No offset committed yet: the group starts at the beginning (auto.offset.reset=earliest by default).
        Map<TopicPartition, Long> starts =
                neverCommitted.isEmpty() ? Map.of() : consumer.beginningOffsets(neverCommitted, timeout);
        Map<TopicPartition, Long> measured = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long end = ends.get(partition);
            OffsetAndMetadata done = committed.get(partition);
            Long from = done != null ? Long.valueOf(done.offset()) : starts.get(partition);
            if (end != null && from != null) {
                measured.put(partition, Math.max(0, end - from));
            }
        }
        lag = Map.copyOf(measured);
        observer.lag(lag);
    }
}
