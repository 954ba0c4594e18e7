package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.ProcessedEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/**
 * Handled event ids in table {@code eventcat_processed_event}, written in the handler's own
 * transaction: the id and the handler's database changes commit together or not at all, so an event
 * is handled exactly once as far as that database is concerned, however often Kafka delivers it.
 *
 * <p>{@code consumer} names the reader (e.g. the consumer group): two consumers of the same event in
 * one database each handle it once. Thread-safe; holds no connection.
 */
public final class JdbcProcessedEventStore {
    private static final String INSERT = "INSERT INTO eventcat_processed_event (consumer, event_id) VALUES (?, ?)"
            + " ON CONFLICT (consumer, event_id) DO NOTHING";
    private static final String DELETE = "DELETE FROM eventcat_processed_event WHERE consumer = ? AND event_id = ?";
    private static final String PRUNE = "DELETE FROM eventcat_processed_event WHERE consumer = ? AND processed_at < ?";

    private final String consumer;

    public JdbcProcessedEventStore(String consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer == null");
    }

    public String consumer() {
        return consumer;
    }

    /**
     * Records {@code eventId} in {@code transaction} (auto-commit must be off); {@code false} when it
     * was already recorded by a committed transaction. A concurrent, uncommitted insert of the same id
     * makes this wait for that transaction, then answer by its outcome.
     */
    public boolean markProcessed(Connection transaction, String eventId) {
        Objects.requireNonNull(eventId, "eventId == null");
        try {
            if (transaction.getAutoCommit()) {
                throw new IllegalStateException("the connection is in auto-commit mode: the processed mark would commit"
                        + " apart from the handler's changes; call connection.setAutoCommit(false)");
            }
            try (PreparedStatement insert = transaction.prepareStatement(INSERT)) {
                insert.setString(1, consumer);
                insert.setString(2, eventId);
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new ProcessedEventStoreException(
                    consumer,
                    eventId,
                    "could not record the event in"
                            + " eventcat_processed_event (SQL state " + e.getSQLState() + "): " + e.getMessage()
                            + " — is db/migration/V1__eventcat_outbox.sql applied?",
                    e);
        }
    }

    /** This store bound to one transaction, as a {@link ProcessedEventStore}. */
    public ProcessedEventStore in(Connection transaction) {
        Objects.requireNonNull(transaction, "transaction == null");
        return new ProcessedEventStore() {
            @Override
            public boolean markProcessed(String eventId) {
                return JdbcProcessedEventStore.this.markProcessed(transaction, eventId);
            }

            @Override
            public void forget(String eventId) {
                try (PreparedStatement delete = transaction.prepareStatement(DELETE)) {
                    delete.setString(1, consumer);
                    delete.setString(2, eventId);
                    delete.executeUpdate();
                } catch (SQLException e) {
                    throw new ProcessedEventStoreException(
                            consumer, eventId, "could not delete the mark: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Deletes this consumer's marks older than {@code before} (run it periodically, keeping more than
     * the longest time a duplicate can arrive late, e.g. the topic's retention); returns how many.
     */
    public int deleteProcessedBefore(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            prune.setString(1, consumer);
            prune.setTimestamp(2, Timestamp.from(before));
            return prune.executeUpdate();
        }
    }
}
