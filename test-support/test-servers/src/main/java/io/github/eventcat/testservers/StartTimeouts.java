package io.github.eventcat.testservers;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** How long to wait for a server to become ready; generous because CI machines have 2 busy cores. */
final class StartTimeouts {
    static final String PROPERTY = "eventcat.test.start-timeout-seconds";
    private static final long DEFAULT_SECONDS = 120;

    private StartTimeouts() {}

    /**
     * Runs {@code start} on a thread of its own and waits at most {@code timeout} for it. A server
     * whose start never returns (Kafka's broker waits forever once a fatal fault, such as running
     * out of heap, stopped one of its parts: its fault handler does not exit a test's JVM) then
     * fails the test with where the start was stuck, instead of hanging the build.
     *
     * @throws TestServerException when the start takes longer, or is interrupted
     * @throws RuntimeException what the start threw (an {@link Error} or checked exception wrapped)
     */
    static void runWithin(String what, Duration timeout, Runnable start) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        start.run();
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                what);
        thread.setDaemon(true); // a start that never returns must not keep the JVM alive either
        thread.start();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TestServerException(
                    "Gave up on " + what + " after " + timeout.toSeconds() + " s. A fatal fault logged above (e.g."
                            + " out of heap) stops a part of a server without failing its start; if the machine is"
                            + " just slow, raise -D" + PROPERTY + "=<seconds>. It was at:\n"
                            + Arrays.stream(thread.getStackTrace())
                                    .limit(20)
                                    .map(frame -> "\tat " + frame)
                                    .collect(Collectors.joining("\n")));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new TestServerException(what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while waiting for " + what, e);
        }
    }

    static Duration startTimeout() {
        String configured = System.getProperty(PROPERTY, "").trim();
        if (configured.isEmpty()) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        try {
            return Duration.ofSeconds(Long.parseLong(configured));
        } catch (NumberFormatException e) {
            throw new TestServerException("-D" + PROPERTY + "=" + configured + " is not a whole number of seconds", e);
        }
    }
}
