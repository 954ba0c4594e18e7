package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.ProcessedEventStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last {@code capacity} event ids in memory, least recently seen evicted first. Catches the
 * duplicates that arrive close together (a relay re-sending its last batch, a consumer rebalance),
 * not those older than the window, and forgets everything on restart: use
 * {@link JdbcProcessedEventStore} when a duplicate must never be handled twice. Thread-safe.
 */
public final class InMemoryProcessedEventStore implements ProcessedEventStore {
    private final int capacity;
    private final Map<String, Boolean> seen;

    public InMemoryProcessedEventStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        // Access order: a duplicate seen again stays longer, as it is evidently still being redelivered.
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > InMemoryProcessedEventStore.this.capacity;
            }
        };
    }

    @Override
    public synchronized boolean markProcessed(String eventId) {
        Objects.requireNonNull(eventId, "eventId == null");
        return seen.put(eventId, Boolean.TRUE) == null;
    }

    @Override
    public synchronized void forget(String eventId) {
        seen.remove(eventId);
    }

    public synchronized int size() {
        return seen.size();
    }

    public int capacity() {
        return capacity;
    }
}
