package io.github.eventcat.outbox;

/**
 * An event could not be written to the outbox: it did not serialize (schema not registered, invalid
 * JSON) or the insert failed (table missing, connection broken). The caller's transaction should be
 * rolled back, so the business change and its event stay together.
 */
public class OutboxWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String key;

    public OutboxWriteException(String topic, String key, String message, Throwable cause) {
        super("Could not add an event for topic " + topic + " (key " + key + ") to the outbox: " + message, cause);
        this.topic = topic;
        this.key = key;
    }

    public String topic() {
        return topic;
    }

    /** The record key text, or null. */
    public String key() {
        return key;
    }
}
