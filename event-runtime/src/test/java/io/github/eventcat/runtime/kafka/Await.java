package io.github.eventcat.runtime.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, bounded so that a bug fails the test instead of hanging it; no timing is asserted. */
final class Await {
    private Await() {
    }

    static void until(BooleanSupplier condition) {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < giveUpAt) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
