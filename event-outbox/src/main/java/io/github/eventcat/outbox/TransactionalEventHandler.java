package io.github.eventcat.outbox;

import java.sql.Connection;

import io.github.eventcat.runtime.kafka.EventContext;

/**
 * Handles an event inside a database transaction it is given: write through {@code transaction},
 * never commit or roll back (the caller does, together with the processed-event mark).
 */
@FunctionalInterface
public interface TransactionalEventHandler<E> {
    void handle(E event, EventContext context, Connection transaction) throws Exception;
}
