package io.github.eventcat.runtime.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer is doing, for health checks and dashboards: {@link EventConsumer#health()}.
 *
 * <p>For probes: {@link #isLive()} is false only when the consumer {@link Status#FAILED} (restart it);
 * {@link #isReady()} is true only while it is {@link Status#RUNNING}.
 *
 * @param status             the state
 * @param reason             why it is {@link Status#PAUSED} (names the registry URL or dead-letter topic and
 *                           what to check) or {@link Status#FAILED}; empty otherwise. Never carries secrets.
 * @param since              when the consumer entered this state
 * @param assignedPartitions the partitions it owns now (when stopped: the ones it owned last)
 * @param lag                per partition, records not finished yet (end offset minus committed offset),
 *                           measured every {@link EventConsumer#LAG_INTERVAL_MS} and once more on stop;
 *                           empty until first measured
 */
public record ConsumerHealth(
        Status status,
        String reason,
        Instant since,
        Set<TopicPartition> assignedPartitions,
        Map<TopicPartition, Long> lag) {
    public enum Status {
        /** Built, not started yet. */
        NEW,
        /** Polling and handling. */
        RUNNING,
        /**
         * A record can be neither handled nor dead-lettered because of an infrastructure failure
         * (registry unreachable or misconfigured, dead-letter topic not writable): fetching is paused,
         * nothing past that record is committed, and the record is tried again with backoff.
         */
        PAUSED,
        /**
         * Stopped on its own by a failure it cannot get past (a login, TLS or authorization failure of
         * the broker, an {@link Error} from a handler): the reason says which; see {@link EventConsumer#failure()}.
         */
        FAILED,
        /** Closed. */
        STOPPED
    }

    public ConsumerHealth {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(since, "since == null");
        assignedPartitions = Set.copyOf(assignedPartitions);
        lag = Map.copyOf(lag);
    }

    public ConsumerHealth(Status status, String reason, Instant since) {
        this(status, reason, since, Set.of(), Map.of());
    }

    ConsumerHealth with(Set<TopicPartition> assigned, Map<TopicPartition, Long> partitionLag) {
        return new ConsumerHealth(status, reason, since, assigned, partitionLag);
    }

    public boolean isPaused() {
        return status == Status.PAUSED;
    }

    /** False only when it {@link Status#FAILED}: for a liveness probe. */
    public boolean isLive() {
        return status != Status.FAILED;
    }

    /** True only while {@link Status#RUNNING}: for a readiness probe. */
    public boolean isReady() {
        return status == Status.RUNNING;
    }

    /** The sum of {@link #lag()} over the partitions. */
    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
