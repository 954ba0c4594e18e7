package io.github.eventcat.outbox;

/**
 * Remembers which events a consumer has handled, so a redelivered event (Kafka delivers at least
 * once; the outbox relay re-sends after a crash) is handled only once.
 *
 * <p>{@link InMemoryProcessedEventStore} for one process and a bounded window;
 * {@link JdbcProcessedEventStore#in(java.sql.Connection)} for the durable kind, recorded in the
 * handler's own database transaction.
 */
public interface ProcessedEventStore {
    /** Records {@code eventId} as handled; {@code false} when it already was (a duplicate: skip it). */
    boolean markProcessed(String eventId);

    /** Undoes {@link #markProcessed} after the handler failed, so the redelivery is handled. */
    void forget(String eventId);
}
