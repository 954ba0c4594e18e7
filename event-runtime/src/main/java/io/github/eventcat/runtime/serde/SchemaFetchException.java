package io.github.eventcat.runtime.serde;

import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The writer schema of a record could not be fetched for a reason that is not the record's: the
 * registry did not answer, failed (5xx), refused the credentials (401/403), or the URL does not
 * point at a registry (a 404 without the registry's own "schema not found" code 40403). The record
 * may be perfectly good: consumers pause and try again later, and never dead-letter it.
 *
 * <p>Its message names the registry URL (never user info) and what to check.
 */
public class SchemaFetchException extends SerializationException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int schemaId;

    public SchemaFetchException(String topic, int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public String topic() {
        return topic;
    }

    public int schemaId() {
        return schemaId;
    }

    /**
     * Sorts a failed {@code GET /schemas/ids/{id}}: the registry's own "schema not found" (40403)
     * means the record names a schema that does not exist, so the record is poison; anything else
     * is the registry's or the configuration's problem.
     */
    static SerializationException classify(
            SchemaRegistryClient client, String topic, int id, SchemaRegistryException e) {
        if (e.status() == 404 && e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
            return new PoisonRecordException(
                    PoisonRecordException.Reason.UNKNOWN_SCHEMA_ID,
                    topic,
                    id,
                    "the registry at " + client.config().urls() + " has no schema with this id: " + e.registryMessage(),
                    e);
        }
        String answer = e.status() == 0
                ? e.registryMessage()
                : "HTTP " + e.status() + (e.errorCode() != 0 ? " (error code " + e.errorCode() + ")" : "") + ": "
                        + e.registryMessage();
        return new SchemaFetchException(
                topic,
                id,
                "Could not fetch writer schema " + id + " of a record of topic " + topic + ": " + e.method() + " "
                        + e.url() + " — " + answer + " — " + e.whatToCheck(),
                e);
    }
}
