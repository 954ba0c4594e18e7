package io.github.eventcat.runtime.kafka;

import java.util.TreeSet;

/**
 * Offsets of one partition handed out for processing and not yet done. The offset safe to commit
 * is the lowest one still in progress (every record before it is done), or one past the last
 * handed out: with parallel lanes records finish out of order, and this commits only the
 * contiguous prefix.
 */
final class PartitionProgress {
    private final TreeSet<Long> inProgress = new TreeSet<>();
    private long nextToHandOut = -1;
    private long committed = -1;

    synchronized void started(long offset) {
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

    /** Waits until every record handed out is done, or {@code stop} says to give up. */
    synchronized void awaitIdle(java.util.function.BooleanSupplier stop) throws InterruptedException {
        while (!inProgress.isEmpty() && !stop.getAsBoolean()) {
            wait(50);
        }
    }
}
