package io.github.eventcat.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;

/**
 * One row of the outbox table, as the relay publishes it: bytes exactly as the writer serialized
 * them, so the relay needs no schema, no registry and no event classes.
 *
 * @param id        insertion order (the table's identity column)
 * @param eventId   unique per event, sent as header {@value OutboxWriter#EVENT_ID_HEADER}
 * @param key       UTF-8 key bytes, or null (Kafka's partitioner picks the partition)
 * @param value     Confluent wire-format bytes, or null for a tombstone
 * @param headers   the record's headers, in order
 */
public record OutboxRecord(long id, UUID eventId, String topic, byte[] key, byte[] value, List<Header> headers) {
    public OutboxRecord {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(topic, "topic == null");
        headers = List.copyOf(headers);
    }

    /** The key as text, for logs and errors. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OutboxRecord[id=" + id + ", eventId=" + eventId + ", topic=" + topic + ", key=" + keyText() + ", value="
                + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
