package io.github.eventcat.runtime.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records stuck on an infrastructure failure and turns that into the consumer's
 * {@link ConsumerHealth}: PAUSED while at least one is stuck, with a WARN when it starts, when the
 * reason changes and then once a minute, and an INFO when every stuck record went through.
 */
final class PauseState {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final List<String> topics;
    private int stuck;
    private ConsumerHealth health = new ConsumerHealth(ConsumerHealth.Status.NEW, "", Instant.now());
    private Instant pausedAt;
    private Instant lastWarn;

    PauseState(List<String> topics) {
        this.topics = topics;
    }

    synchronized ConsumerHealth health() {
        return health;
    }

    synchronized boolean paused() {
        return stuck > 0;
    }

    synchronized void running() {
        health = new ConsumerHealth(ConsumerHealth.Status.RUNNING, "", Instant.now());
    }

    /** Closed ({@code failure} null: STOPPED) or stopped by {@code failure} (FAILED). */
    synchronized void stopped(Throwable failure) {
        health = failure == null
                ? new ConsumerHealth(ConsumerHealth.Status.STOPPED, "", Instant.now())
                : new ConsumerHealth(
                        ConsumerHealth.Status.FAILED,
                        failure.getMessage() != null ? failure.getMessage() : failure.toString(),
                        Instant.now());
    }

    /** A record failed on infrastructure; {@code firstTime}: it was not stuck before. */
    synchronized void stuck(String where, String reason, boolean firstTime, Duration retryIn) {
        if (firstTime) {
            stuck++;
        }
        if (health.status() == ConsumerHealth.Status.STOPPED || health.status() == ConsumerHealth.Status.FAILED) {
            return;
        }
        Instant now = Instant.now();
        boolean changed = health.status() != ConsumerHealth.Status.PAUSED
                || !health.reason().equals(reason);
        if (health.status() != ConsumerHealth.Status.PAUSED) {
            pausedAt = now;
        }
        if (changed) {
            health = new ConsumerHealth(ConsumerHealth.Status.PAUSED, reason, now);
        }
        if (changed || lastWarn == null || Duration.between(lastWarn, now).compareTo(WARN_EVERY) >= 0) {
            LOG.warn(
                    "Consumer of {} paused at record {}: {}. Nothing after it is committed or dead-lettered;"
                            + " trying again in {} ms.",
                    topics,
                    where,
                    reason,
                    retryIn.toMillis());
            lastWarn = now;
        } else {
            LOG.debug("Consumer of {} still paused at record {}: {}", topics, where, reason);
        }
    }

    /** A record that was stuck went through, or was given up (revoked partition, stop). */
    synchronized void released(String where, boolean wentThrough) {
        stuck = Math.max(0, stuck - 1);
        if (stuck == 0 && health.status() == ConsumerHealth.Status.PAUSED) {
            LOG.info(
                    "Consumer of {} resumed after {} s paused ({} {})",
                    topics,
                    Duration.between(pausedAt, Instant.now()).toSeconds(),
                    where,
                    wentThrough ? "went through" : "was left for the partition's next owner");
            health = new ConsumerHealth(ConsumerHealth.Status.RUNNING, "", Instant.now());
            lastWarn = null;
        }
    }
}
