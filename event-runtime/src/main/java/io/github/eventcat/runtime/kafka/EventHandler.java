package io.github.eventcat.runtime.kafka;

/**
 * Handles one event. Throwing means "not handled": the consumer retries with backoff and then sends
 * the original record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler<E> {
    void handle(E event, EventContext context) throws Exception;
}
