package io.github.eventcat.outbox;

/** The processed-events table could not be read or written; the handler's transaction is rolled back. */
public class ProcessedEventStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String consumer;
    private final String eventId;

    public ProcessedEventStoreException(String consumer, String eventId, String message, Throwable cause) {
        super("Consumer " + consumer + ", event " + eventId + ": " + message, cause);
        this.consumer = consumer;
        this.eventId = eventId;
    }

    public String consumer() {
        return consumer;
    }

    public String eventId() {
        return eventId;
    }
}
