package io.github.eventcat.outbox;

import io.github.eventcat.runtime.kafka.EventKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Adds events to the outbox table inside the caller's database transaction: the business change and
 * its event commit or roll back together, and {@link OutboxRelay} publishes what committed.
 *
 * <p>Events are serialized here, at write time, with the same serializer a producer would use (the
 * runtime's {@code AvroSerializer} / {@code JsonSchemaSerializer}): the row holds the Confluent
 * wire-format bytes with the schema id already resolved. So an event that does not serialize fails
 * the business transaction instead of blocking the relay later; the price is that the registry must
 * answer when the transaction runs (ids are cached after the first event of a schema). See
 * {@code docs/outbox.md}.
 *
 * <p>Keys are rendered like {@code EventProducer}'s ({@link EventKeys#render}: strings, UUIDs,
 * numbers as text) and stored as UTF-8, so an outboxed event lands in the same partition as one sent
 * directly. Thread-safe if the serializer is; never commits, never changes auto-commit.
 */
public final class OutboxWriter<V> {
    /** Header carrying the event's unique id (a UUID), for idempotent consumers. */
    public static final String EVENT_ID_HEADER = "eventcat.event.id";

    private static final String INSERT = "INSERT INTO eventcat_outbox"
            + " (event_id, topic, record_key, record_value, header_keys, header_values) VALUES (?, ?, ?, ?, ?, ?)";

    private final Serializer<V> valueSerializer;
    private final OutboxTracing tracing;

    /** {@code valueSerializer}: ready to use (built with a registry client, or {@code configure()} already called). */
    public OutboxWriter(Serializer<V> valueSerializer) {
        this(valueSerializer, OutboxTracing.NONE);
    }

    private OutboxWriter(Serializer<V> valueSerializer, OutboxTracing tracing) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer == null");
        this.tracing = tracing;
    }

    /**
     * A writer that also stores the current trace context (the span of the business transaction, as
     * W3C {@code traceparent}/{@code tracestate} headers) with each row; {@link OutboxRelay} with
     * tracing continues it. Needs the OpenTelemetry API on the class path.
     */
    public OutboxWriter<V> withTracing(io.opentelemetry.api.OpenTelemetry openTelemetry) {
        return new OutboxWriter<>(
                valueSerializer, OutboxTracing.of(Objects.requireNonNull(openTelemetry, "openTelemetry == null")));
    }

    /** Adds {@code event} for {@code topic} with {@code key} (String, UUID, number or null); returns its event id. */
    public UUID add(Connection transaction, String topic, Object key, V event) {
        return add(transaction, topic, key, event, Map.of());
    }

    /** As {@link #add(Connection, String, Object, Object)}, with headers (UTF-8 text values). */
    public UUID add(Connection transaction, String topic, Object key, V event, Map<String, String> headers) {
        Objects.requireNonNull(transaction, "transaction == null");
        Objects.requireNonNull(topic, "topic == null");
        Objects.requireNonNull(headers, "headers == null");
        String keyText = EventKeys.render(key);
        requireOpenTransaction(transaction, topic, keyText);

        UUID eventId = UUID.randomUUID();
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) ->
                recordHeaders.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        recordHeaders.add(EVENT_ID_HEADER, eventId.toString().getBytes(StandardCharsets.UTF_8));
        tracing.inject(recordHeaders);

        byte[] value;
        try {
            // The headers-aware call: a serializer may add headers (Kafka's contract), and they are kept.
            value = valueSerializer.serialize(topic, recordHeaders, event);
        } catch (RuntimeException e) {
            throw new OutboxWriteException(topic, keyText, "the event did not serialize: " + e.getMessage(), e);
        }
        insert(transaction, eventId, topic, keyText, value, recordHeaders.toArray());
        return eventId;
    }

    private static void requireOpenTransaction(Connection transaction, String topic, String keyText) {
        try {
            if (transaction.getAutoCommit()) {
                throw new OutboxWriteException(
                        topic,
                        keyText,
                        "the connection is in auto-commit mode, so the event would"
                                + " commit on its own; call connection.setAutoCommit(false) and commit the business change and"
                                + " the event together",
                        null);
            }
        } catch (SQLException e) {
            throw new OutboxWriteException(topic, keyText, "the connection is not usable: " + e.getMessage(), e);
        }
    }

    private static void insert(
            Connection transaction, UUID eventId, String topic, String keyText, byte[] value, Header[] headers) {
        List<String> names = new ArrayList<>(headers.length);
        List<byte[]> values = new ArrayList<>(headers.length);
        for (Header header : headers) {
            names.add(header.key());
            values.add(header.value());
        }
        try (PreparedStatement insert = transaction.prepareStatement(INSERT)) {
            Array headerKeys = transaction.createArrayOf("text", names.toArray(new String[0]));
            Array headerValues = transaction.createArrayOf("bytea", values.toArray(new byte[0][]));
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setBytes(3, keyText == null ? null : keyText.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, value);
            insert.setArray(5, headerKeys);
            insert.setArray(6, headerValues);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxWriteException(
                    topic,
                    keyText,
                    "the insert into eventcat_outbox failed (SQL state "
                            + e.getSQLState() + "): " + e.getMessage()
                            + " — is the migration db/migration/V1__eventcat_outbox.sql applied to this database?",
                    e);
        }
    }

    static List<Header> headers(String[] names, byte[][] values) {
        List<Header> headers = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            headers.add(new RecordHeader(names[i], values[i]));
        }
        return headers;
    }
}
