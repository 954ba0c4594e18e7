package io.github.eventcat.testservers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that real servers make true eventually (a record consumed, a relay caught
 * up), bounded so that a bug fails the test's next assertion instead of hanging it. No timing is
 * asserted: after 90 s it simply returns and the test checks what it expected.
 */
public final class Await {
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private Await() {}

    public static void until(BooleanSupplier condition) {
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
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
