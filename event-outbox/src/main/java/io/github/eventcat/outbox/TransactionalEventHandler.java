package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.EventContext;
import java.sql.Connection;

/**
 * Handles an event inside a database transaction it is given: write through {@code transaction},
 * never commit or roll back (the caller does, together with the processed-event mark).
 */
@FunctionalInterface
public interface TransactionalEventHandler<E> {
    void handle(E event, EventContext context, Connection transaction) throws Exception;
}
