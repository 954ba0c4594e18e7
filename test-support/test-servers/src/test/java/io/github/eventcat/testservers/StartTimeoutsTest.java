package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A server start that never returns fails the test instead of hanging the build. */
class StartTimeoutsTest {
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Test
    void aStartThatNeverReturnsFailsWithWhereItWaited() {
        Throwable failure = catchThrowable(() -> StartTimeouts.runWithin(
                "the test server's start", Duration.ofMillis(300), StartTimeoutsTest::waitForever));

        assertThat(failure)
                .isInstanceOf(TestServerException.class)
                .hasMessageStartingWith("Gave up on the test server's start after 0 s. A fatal fault logged above"
                        + " (e.g. out of heap) stops a part of a server without failing its start; if the machine"
                        + " is just slow, raise -Deventcat.test.start-timeout-seconds=<seconds>. It was at:\n")
                .hasMessageContaining("StartTimeoutsTest.waitForever");
    }

    @Test
    void whatTheStartThrowsIsThrown() {
        IllegalStateException refused = new IllegalStateException("port taken");

        assertThat(catchThrowable(() -> StartTimeouts.runWithin("the start", Duration.ofSeconds(30), () -> {
                    throw refused;
                })))
                .isSameAs(refused);
        Throwable error = catchThrowable(() -> StartTimeouts.runWithin("the start", Duration.ofSeconds(30), () -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertThat(error)
                .isInstanceOf(TestServerException.class)
                .hasMessage("the start failed: java.lang.OutOfMemoryError: Java heap space")
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aStartThatReturnsInTimeReturns() {
        boolean[] ran = {false};
        StartTimeouts.runWithin("the start", Duration.ofSeconds(30), () -> ran[0] = true);
        assertThat(ran[0]).isTrue();
    }

    private static void waitForever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
