package io.github.eventcat.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/**
 * Where an event came from, given to handlers next to the event. {@code attempt} is 1 on the first
 * call and grows on retries, so a handler can tell a retry from a first delivery.
 *
 * <p>A value class with a record's shape (the same constructor, accessors, {@code equals},
 * {@code hashCode} and {@code toString} as the record it was): the consumer makes one per handler
 * call, and the key's text and the timestamp's {@link Instant} are only made when a handler asks.
 */
public final class EventContext {
    private final String topic;
    private final int partition;
    private final long offset;
    private final Headers headers;
    private final int attempt;
    private final long timestampMillis;
    /** The key's UTF-8 bytes, decoded by {@link #key()} (null: no key, or given as text). */
    private final byte[] keyBytes;

    /** Made by the consumer: {@link #timestamp()} comes from {@code timestampMillis}. */
    private final boolean lazyTimestamp;

    private String key;
    private Instant timestamp;

    public EventContext(
            String topic, int partition, long offset, String key, Instant timestamp, Headers headers, int attempt) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.keyBytes = null;
        this.timestamp = timestamp;
        this.timestampMillis = 0;
        this.lazyTimestamp = false;
        this.headers = headers;
        this.attempt = attempt;
    }

    /** What the consumer makes: the key as Kafka delivered it, decoded on first use. */
    EventContext(
            String topic,
            int partition,
            long offset,
            byte[] keyBytes,
            long timestampMillis,
            Headers headers,
            int attempt) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.keyBytes = keyBytes;
        this.timestampMillis = timestampMillis;
        this.lazyTimestamp = true;
        this.headers = headers;
        this.attempt = attempt;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The record's key as UTF-8 text, or null. */
    public String key() {
        if (key == null && keyBytes != null) {
            key = new String(keyBytes, StandardCharsets.UTF_8); // racy but benign: every thread makes the same text
        }
        return key;
    }

    public Instant timestamp() {
        if (timestamp == null && lazyTimestamp) {
            timestamp = Instant.ofEpochMilli(timestampMillis);
        }
        return timestamp;
    }

    public Headers headers() {
        return headers;
    }

    public int attempt() {
        return attempt;
    }

    /** The last value of header {@code name} as UTF-8 text, or null. */
    public String header(String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventContext that
                && partition == that.partition
                && offset == that.offset
                && attempt == that.attempt
                && Objects.equals(topic, that.topic)
                && Objects.equals(key(), that.key())
                && Objects.equals(timestamp(), that.timestamp())
                && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, key(), timestamp(), headers, attempt);
    }

    @Override
    public String toString() {
        return "EventContext[topic=" + topic + ", partition=" + partition + ", offset=" + offset + ", key=" + key()
                + ", timestamp=" + timestamp() + ", headers=" + headers + ", attempt=" + attempt + "]";
    }
}
