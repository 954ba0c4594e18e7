package io.github.eventcat.testservers;

import java.time.Duration;

/** How long to wait for a server to become ready; generous because CI machines have 2 busy cores. */
final class StartTimeouts {
    static final String PROPERTY = "eventcat.test.start-timeout-seconds";
    private static final long DEFAULT_SECONDS = 120;

    private StartTimeouts() {}

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
