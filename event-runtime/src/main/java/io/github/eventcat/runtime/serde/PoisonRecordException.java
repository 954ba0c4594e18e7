package io.github.eventcat.runtime.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that can never be deserialized, however often it is retried: consumers send it to the
 * dead-letter topic at once. Carries the topic, the schema id when one was read, and why.
 */
public class PoisonRecordException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** Why the record cannot be read. */
    public enum Reason {
        /** Fewer than 5 bytes. */
        TOO_SHORT,
        /** First byte is not 0. */
        BAD_MAGIC_BYTE,
        /** The registry has no schema with this id. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema names an event this consumer has no Java type for. */
        UNKNOWN_EVENT_TYPE,
        /** The payload does not decode with its writer schema, or not into the reader type. */
        UNREADABLE_PAYLOAD
    }

    private final Reason reason;
    private final String topic;
    private final int schemaId;

    public PoisonRecordException(Reason reason, String topic, int schemaId, String detail) {
        this(reason, topic, schemaId, detail, null);
    }

    public PoisonRecordException(Reason reason, String topic, int schemaId, String detail, Throwable cause) {
        super(
                "Cannot deserialize a record of topic " + topic + (schemaId >= 0 ? " (schema id " + schemaId + ")" : "")
                        + ": " + detail,
                cause);
        this.reason = reason;
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public Reason reason() {
        return reason;
    }

    public String topic() {
        return topic;
    }

    /** The schema id from the header, or -1 when the header itself is broken. */
    public int schemaId() {
        return schemaId;
    }
}
