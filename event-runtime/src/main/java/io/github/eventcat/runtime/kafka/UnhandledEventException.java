package io.github.eventcat.runtime.kafka;

/** An event of a type no handler is registered for; never retried, sent to the dead-letter topic. */
public class UnhandledEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String eventType;

    public UnhandledEventException(String eventType, String topic, java.util.Collection<String> handledTypes) {
        super("No handler for event type " + eventType + " on topic " + topic + " (handled: " + handledTypes
                + "); add one to the dispatcher, or regenerate the handler from the current catalog");
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
