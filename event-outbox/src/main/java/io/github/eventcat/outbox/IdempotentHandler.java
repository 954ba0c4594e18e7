package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.runtime.kafka.EventHandler;
import io.github.eventcat.runtime.kafka.ProcessedEventStore;
import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * An {@link EventHandler} that skips events already handled, for the runtime's {@code EventConsumer}
 * (or a generated consumer): wrap the real handler, give the event id's place and a store.
 *
 * <ul>
 *   <li>{@link #of}: any {@link ProcessedEventStore}, e.g. {@link InMemoryProcessedEventStore}; the
 *       id is marked before the handler runs and forgotten again if the handler throws.</li>
 *   <li>{@link #transactional}: the mark and the handler's writes share one database transaction
 *       ({@link JdbcProcessedEventStore}), committed after the handler returned; a duplicate rolls back
 *       at once without calling the handler.</li>
 * </ul>
 * A handler that throws still throws (the consumer retries, then dead-letters), with nothing marked.
 */
public final class IdempotentHandler<E> implements EventHandler<E> {
    private final EventIdExtractor<? super E> ids;
    private final Body<E> body;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    private interface Body<E> {
        /** Handles unless a duplicate; returns whether it handled. */
        boolean handleOnce(E event, EventContext context, String eventId) throws Exception;
    }

    private IdempotentHandler(EventIdExtractor<? super E> ids, Body<E> body) {
        this.ids = Objects.requireNonNull(ids, "ids == null");
        this.body = body;
    }

    /** Skips events whose id {@code store} has seen; {@code handler} does the work. */
    public static <E> IdempotentHandler<E> of(
            ProcessedEventStore store, EventIdExtractor<? super E> ids, EventHandler<? super E> handler) {
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(handler, "handler == null");
        return new IdempotentHandler<>(ids, (event, context, eventId) -> {
            if (!store.markProcessed(eventId)) {
                return false;
            }
            try {
                handler.handle(event, context);
                return true;
            } catch (Exception | Error e) {
                store.forget(eventId);
                throw e;
            }
        });
    }

    /**
     * Per event: a connection from {@code dataSource}, auto-commit off, the id recorded in
     * {@code store}; a duplicate is rolled back and skipped, otherwise {@code handler} runs in that
     * transaction, which then commits (or rolls back when the handler throws).
     */
    public static <E> IdempotentHandler<E> transactional(
            DataSource dataSource,
            JdbcProcessedEventStore store,
            EventIdExtractor<? super E> ids,
            TransactionalEventHandler<? super E> handler) {
        Objects.requireNonNull(dataSource, "dataSource == null");
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(handler, "handler == null");
        return new IdempotentHandler<>(ids, (event, context, eventId) -> {
            try (Connection transaction = dataSource.getConnection()) {
                transaction.setAutoCommit(false);
                try {
                    if (!store.markProcessed(transaction, eventId)) {
                        transaction.rollback();
                        return false;
                    }
                    handler.handle(event, context, transaction);
                    transaction.commit();
                    return true;
                } catch (Exception | Error e) {
                    try {
                        transaction.rollback();
                    } catch (java.sql.SQLException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                    throw e;
                }
            }
        });
    }

    @Override
    public void handle(E event, EventContext context) throws Exception {
        String eventId = ids.eventId(event, context);
        if (eventId == null) {
            throw new MissingEventIdException("record " + context.topic() + "-" + context.partition() + "@"
                    + context.offset() + " has no event id, so it cannot be deduplicated");
        }
        if (body.handleOnce(event, context, eventId)) {
            handled.incrementAndGet();
        } else {
            skipped.incrementAndGet();
        }
    }

    /** Events handled (first deliveries). */
    public long handledCount() {
        return handled.get();
    }

    /** Duplicates skipped. */
    public long skippedCount() {
        return skipped.get();
    }
}
