package io.github.eventcat.runtime.kafka;

/**
 * A record could neither be handled nor written to its dead-letter topic. The consumer pauses on
 * the record (commits nothing past it) and tries the write again with backoff until it passes.
 */
public class DeadLetterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadLetterException(String dlqTopic, String topic, int partition, long offset, Throwable cause) {
        super(
                "Could not write record " + topic + "-" + partition + "@" + offset + " to dead-letter topic " + dlqTopic
                        + ": " + cause.getMessage() + " — check the topic exists and the consumer may write to it",
                cause);
    }
}
