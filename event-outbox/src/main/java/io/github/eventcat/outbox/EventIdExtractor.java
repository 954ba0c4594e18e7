package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.EventContext;

/** Where an event's unique id is: a field of the event (e.g. {@code event_id}) or a header. */
@FunctionalInterface
public interface EventIdExtractor<E> {
    /** The id, never null: an event without one cannot be deduplicated. */
    String eventId(E event, EventContext context);

    /** The id the outbox stamps on every event ({@value OutboxWriter#EVENT_ID_HEADER}). */
    static <E> EventIdExtractor<E> outboxHeader() {
        return header(OutboxWriter.EVENT_ID_HEADER);
    }

    /** The id in header {@code name} (UTF-8 text). */
    static <E> EventIdExtractor<E> header(String name) {
        return (event, context) -> {
            String id = context.header(name);
            if (id == null || id.isBlank()) {
                throw new MissingEventIdException("record " + context.topic() + "-" + context.partition() + "@"
                        + context.offset() + " has no header " + name + ", so it cannot be deduplicated;"
                        + " publish it through the outbox or choose another id (an event field)");
            }
            return id;
        };
    }
}
