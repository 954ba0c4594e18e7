package io.github.eventcat.runtime.kafka;

import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Offsets of one partition handed out for processing and not yet done. The offset safe to commit
 * is the lowest one still in progress (every record before it is done), or one past the last
 * handed out: with parallel lanes records finish out of order, and this commits only the
 * contiguous prefix. A record given up (revoked partition, stop) stays "in progress", so no commit
 * ever passes it.
 */
final class PartitionProgress {
    private final TreeSet<Long> inProgress = new TreeSet<>();
    private long nextToHandOut = -1;
    private long committed = -1;
    private int executing;
    private boolean revoked;

    synchronized void started(long offset) {
        if (nextToHandOut < 0) {
            committed = offset; // where the group's position already is: committing it again says nothing
        }
        inProgress.add(offset);
        nextToHandOut = Math.max(nextToHandOut, offset + 1);
    }

    synchronized void done(long offset) {
        inProgress.remove(offset);
        notifyAll();
    }

    /** The offset to commit, or -1 when nothing new is done since the last commit. */
    synchronized long committable() {
        long safe = inProgress.isEmpty() ? nextToHandOut : inProgress.first();
        return safe > committed ? safe : -1;
    }

    synchronized void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** An asynchronous commit failed: offer the offsets again with the next commit. */
    synchronized void commitFailed() {
        committed = -1;
    }

    synchronized boolean idle() {
        return inProgress.isEmpty();
    }

    /** A lane is about to work on one of this partition's records; false once the partition is revoked. */
    synchronized boolean enter() {
        if (revoked) {
            return false;
        }
        executing++;
        return true;
    }

    synchronized void exit() {
        executing--;
        notifyAll();
    }

    /** The partition is gone: records not started yet are skipped, records in retry are given up. */
    synchronized void revoke() {
        revoked = true;
        notifyAll();
    }

    synchronized boolean revoked() {
        return revoked;
    }

    /** Waits until every record handed out is done, or {@code giveUp} says to stop waiting. */
    synchronized void awaitIdle(BooleanSupplier giveUp) throws InterruptedException {
        while (!inProgress.isEmpty() && !giveUp.getAsBoolean()) {
            wait(20);
        }
    }

    /** After {@link #revoke()}: waits until no handler call of this partition is running any more. */
    synchronized void awaitNoneExecuting() throws InterruptedException {
        while (executing > 0) {
            wait(20);
        }
    }
}
