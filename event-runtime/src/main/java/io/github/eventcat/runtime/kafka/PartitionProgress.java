package io.github.eventcat.runtime.kafka;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Offsets of one partition handed out for processing and not yet done. The offset safe to commit
 * is the lowest one still in progress (every record before it is done), or one past the last
 * handed out: with parallel lanes records finish out of order, and this commits only the
 * contiguous prefix. A record given up (revoked partition, stop) stays "in progress", so no commit
 * ever passes it.
 *
 * <p>Offsets in progress are kept in ascending order in a ring of primitives (no boxing, no tree
 * node per record): records are handed out in offset order, and in sequential mode they finish in
 * that order too, so both ends of the ring are the common case.
 */
final class PartitionProgress {
    private final InProgress inProgress = new InProgress();
    private long nextToHandOut = -1;
    private long committed = -1;
    private int executing;
    private boolean revoked;
    /** Someone waits in {@link #awaitIdle}: only then does {@link #done} need to wake anyone. */
    private boolean waiting;

    synchronized void started(long offset) {
        if (nextToHandOut < 0) {
            committed = offset; // where the group's position already is: committing it again says nothing
        }
        inProgress.add(offset);
        nextToHandOut = Math.max(nextToHandOut, offset + 1);
    }

    synchronized void done(long offset) {
        inProgress.remove(offset);
        if (waiting) {
            notifyAll();
        }
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
        waiting = true;
        try {
            while (!inProgress.isEmpty() && !giveUp.getAsBoolean()) {
                wait(20);
            }
        } finally {
            waiting = false;
        }
    }

    /** After {@link #revoke()}: waits until no handler call of this partition is running any more. */
    synchronized void awaitNoneExecuting() throws InterruptedException {
        while (executing > 0) {
            wait(20);
        }
    }

    /** Ascending offsets: a sorted ring buffer of longs. */
    private static final class InProgress {
        private long[] ring = new long[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        long first() {
            return ring[head];
        }

        private long at(int i) {
            return ring[(head + i) & (ring.length - 1)];
        }

        /** Adds {@code offset} unless present (a set of offsets). */
        void add(long offset) {
            if (size > 0 && offset <= at(size - 1)) {
                int at = indexOf(offset);
                if (at >= 0) {
                    return;
                }
                insert(-at - 1, offset); // out of order: not seen in practice, kept correct anyway
                return;
            }
            if (size == ring.length) {
                grow();
            }
            ring[(head + size) & (ring.length - 1)] = offset;
            size++;
        }

        void remove(long offset) {
            if (size == 0) {
                return;
            }
            if (ring[head] == offset) {
                head = (head + 1) & (ring.length - 1);
                size--;
                return;
            }
            int at = indexOf(offset);
            if (at < 0) {
                return;
            }
            for (int i = at; i < size - 1; i++) {
                ring[(head + i) & (ring.length - 1)] = at(i + 1);
            }
            size--;
        }

        /** Binary search: the index, or -(insertion point) - 1. */
        private int indexOf(long offset) {
            int low = 0;
            int high = size - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long value = at(mid);
                if (value < offset) {
                    low = mid + 1;
                } else if (value > offset) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        private void insert(int index, long offset) {
            if (size == ring.length) {
                grow();
            }
            for (int i = size; i > index; i--) {
                ring[(head + i) & (ring.length - 1)] = at(i - 1);
            }
            ring[(head + index) & (ring.length - 1)] = offset;
            size++;
        }

        private void grow() {
            long[] bigger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = at(i);
            }
            ring = bigger;
            head = 0;
        }

        @Override
        public String toString() {
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = at(i);
            }
            return Arrays.toString(values);
        }
    }
}
