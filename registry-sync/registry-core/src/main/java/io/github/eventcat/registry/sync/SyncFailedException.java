package io.github.eventcat.registry.sync;

import java.util.Objects;

/**
 * A sync that did not complete: carries the result, which names every failed subject with the
 * registry's message. Subjects written before the failure stay valid (each write is a complete
 * registration); re-running the sync does what is left.
 */
public final class SyncFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SyncResult result;

    SyncFailedException(SyncResult result) {
        super("Registry sync failed: " + result.summary() + "\nFix the cause and run the sync again: what is already"
                + " registered stays, what is left is done then.");
        this.result = Objects.requireNonNull(result, "result == null");
    }

    public SyncResult result() {
        return result;
    }

    /** True when a schema was refused as incompatible (a catalog problem rather than an infrastructure one). */
    public boolean hasIncompatibleSchema() {
        return result.failedSubjects().stream().anyMatch(o -> o.message().startsWith(SyncExecutor.INCOMPATIBLE));
    }
}
