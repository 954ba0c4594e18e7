package io.github.eventcat.runtime.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a consumer tries a record before sending it to the dead-letter topic: at most
 * {@code maxAttempts} handler calls, waiting {@code initialBackoff} after the first failure and
 * doubling up to {@code maxBackoff}.
 */
public record RetryBackoff(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryBackoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff == null");
        Objects.requireNonNull(maxBackoff, "maxBackoff == null");
    }

    /** 3 attempts, 200 ms then 400 ms. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(3, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
