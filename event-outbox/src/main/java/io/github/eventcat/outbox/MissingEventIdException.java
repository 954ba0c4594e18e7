package io.github.eventcat.outbox;

/** An event carries no id to deduplicate it by; the consumer treats it as a failed record (retry, dead letter). */
public class MissingEventIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingEventIdException(String message) {
        super(message);
    }
}
