package io.github.eventcat.runtime.kafka;

/**
 * Headers a dead-letter record carries, next to the original record's own headers. Values are
 * UTF-8 text.
 */
public final class DeadLetterHeaders {
    public static final String ORIGINAL_TOPIC = "eventcat.dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "eventcat.dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "eventcat.dlq.original.offset";
    public static final String EXCEPTION_CLASS = "eventcat.dlq.exception.class";
    public static final String EXCEPTION_MESSAGE = "eventcat.dlq.exception.message";
    /** ISO-8601 instant, e.g. {@code 2026-01-01T12:00:00.123Z}. */
    public static final String FAILED_AT = "eventcat.dlq.failed.at";
    /** How many times the handler was called (0 when the record could not be deserialized). */
    public static final String ATTEMPTS = "eventcat.dlq.attempts";

    private DeadLetterHeaders() {}
}
