package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What applying one subject's plan did.
 *
 * @param plan the subject's plan
 * @param status applied, unchanged, failed or skipped
 * @param done the actions that were carried out, in order
 * @param failedAction the action that failed (when failed)
 * @param id the registered schema's global id, when it was registered now
 * @param message why it failed or was skipped, with the registry's own message; empty otherwise
 */
record SubjectOutcome(
        SubjectPlan plan,
        OutcomeStatus status,
        List<SubjectActionType> done,
        SubjectActionType failedAction,
        OptionalInt id,
        String message) {
    public SubjectOutcome {
        Objects.requireNonNull(plan, "plan == null");
        Objects.requireNonNull(status, "status == null");
        done = List.copyOf(done);
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(message, "message == null");
    }

    public String subject() {
        return plan.name();
    }

    public boolean failed() {
        return status == OutcomeStatus.FAILED || status == OutcomeStatus.SKIPPED;
    }

    /** One line for a summary: subject, file, what failed and why. */
    public String describe() {
        String where = subject() + " (" + plan.subject().path() + ")";
        return switch (status) {
            case FAILED -> where + ": " + failedAction + " failed: " + message;
            case SKIPPED -> where + ": not attempted: " + message;
            case APPLIED -> where + ": " + done;
            case UNCHANGED -> where + ": unchanged";
        };
    }
}
