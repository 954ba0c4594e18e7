package io.github.eventcat.runtime.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries after a failed attempt: up to {@code maxRetries} more attempts, waiting
 * {@code initialBackoff} and doubling up to {@code maxBackoff} between them. The one doubling
 * backoff of the runtime: the registry client retries requests with it, and consumers
 * ({@code EventConsumer}) call a failing handler again with it before dead-lettering the record
 * ({@link #ofAttempts}: counted in handler calls, {@link #maxAttempts()} = {@code maxRetries + 1}).
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

    /** At most {@code maxAttempts} attempts in all (the first one included). */
    public static RetryPolicy ofAttempts(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts - 1, initialBackoff, maxBackoff);
    }

    /** A consumer's default: 3 handler calls, 200 ms then 400 ms between them (at most 10 s). */
    public static RetryPolicy consumerDefaults() {
        return ofAttempts(3, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /** Attempts in all: the first one and the retries. */
    public int maxAttempts() {
        return maxRetries + 1 < 0 ? Integer.MAX_VALUE : maxRetries + 1;
    }

    /** The wait before retry number {@code retry} (1-based), i.e. after failed attempt number {@code retry}. */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        for (int i = 1; i < retry && millis < max; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max));
    }
}
