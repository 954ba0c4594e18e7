package io.github.eventcat.runtime.kafka;

import java.util.Objects;
import java.util.function.Function;

/**
 * Remembers which events a consumer has handled, so a redelivered event (Kafka delivers at least
 * once; an outbox relay re-sends after a crash) is handled only once.
 *
 * <p>Lives in the runtime so that generated consumers can take one without depending on
 * {@code event-outbox}, which provides a bounded in-memory store and a JDBC one recorded in the
 * handler's own database transaction.
 */
public interface ProcessedEventStore {
    /** Records {@code eventId} as handled; {@code false} when it already was (a duplicate: skip it). */
    boolean markProcessed(String eventId);

    /** Undoes {@link #markProcessed} after the handler failed, so the redelivery is handled. */
    void forget(String eventId);

    /**
     * {@code handler}, called only for events whose id ({@code eventId} of the event, as text) this
     * store has not seen. The id is marked before the handler runs and forgotten again when it throws,
     * so a failed event is retried; an event without an id fails (it cannot be deduplicated).
     */
    default <E> EventHandler<E> once(Function<? super E, ?> eventId, EventHandler<? super E> handler) {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(handler, "handler == null");
        return (event, context) -> {
            Object id = eventId.apply(event);
            if (id == null) {
                throw new IllegalStateException("record " + context.topic() + "-" + context.partition() + "@"
                        + context.offset() + " (" + event.getClass().getName() + ") has no event id, so it cannot"
                        + " be deduplicated: set the event's id field when producing it");
            }
            String text = id.toString();
            if (!markProcessed(text)) {
                return;
            }
            try {
                handler.handle(event, context);
            } catch (Exception | Error e) {
                forget(text);
                throw e;
            }
        };
    }
}
