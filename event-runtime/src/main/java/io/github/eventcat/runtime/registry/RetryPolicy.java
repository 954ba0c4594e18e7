package io.github.eventcat.runtime.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries after a failed attempt: up to {@code maxRetries} more attempts, waiting
 * {@code initialBackoff} and doubling up to {@code maxBackoff} between them.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff == null");
        Objects.requireNonNull(maxBackoff, "maxBackoff == null");
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
