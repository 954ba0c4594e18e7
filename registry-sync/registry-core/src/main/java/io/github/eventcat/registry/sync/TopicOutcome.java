package io.github.eventcat.registry.sync;

import java.util.Objects;

/** What applying one topic's plan did; {@code message} says why it failed. */
record TopicOutcome(TopicPlan plan, OutcomeStatus status, String message) {
    public TopicOutcome {
        Objects.requireNonNull(plan, "plan == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(message, "message == null");
    }

    public boolean failed() {
        return status == OutcomeStatus.FAILED;
    }
}
