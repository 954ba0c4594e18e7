package io.github.eventcat.runtime.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A serializer could not get a schema id for an event: the schema is not registered under the
 * expected subject (and auto-registration is off), or the registry refused or failed.
 */
public class SchemaLookupException extends SerializationException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String eventName;

    public SchemaLookupException(String subject, String eventName, String message, Throwable cause) {
        super(message, cause);
        this.subject = subject;
        this.eventName = eventName;
    }

    public String subject() {
        return subject;
    }

    public String eventName() {
        return eventName;
    }
}
