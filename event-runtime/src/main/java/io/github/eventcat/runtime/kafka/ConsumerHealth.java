package io.github.eventcat.runtime.kafka;

import java.time.Instant;
import java.util.Objects;

/**
 * What a consumer is doing, for health checks and dashboards: {@link EventConsumer#health()}.
 *
 * @param status the state
 * @param reason why it is {@link Status#PAUSED} (names the registry URL or dead-letter topic and what
 *               to check), or why it {@link Status#STOPPED} on its own; empty otherwise. Never carries secrets.
 * @param since  when the consumer entered this state
 */
public record ConsumerHealth(Status status, String reason, Instant since) {
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
        /** Closed, or stopped by a failure (see {@link EventConsumer#failure()}). */
        STOPPED
    }

    public ConsumerHealth {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(since, "since == null");
    }

    public boolean isPaused() {
        return status == Status.PAUSED;
    }
}
