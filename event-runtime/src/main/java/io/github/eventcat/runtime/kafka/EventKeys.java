package io.github.eventcat.runtime.kafka;

import java.util.UUID;

/** Record keys from events' key fields: strings as they are, UUIDs in their canonical text form. */
public final class EventKeys {
    private EventKeys() {}

    /** The key text for a key field value; {@code null} stays {@code null} (Kafka then picks the partition). */
    public static String render(Object keyField) {
        if (keyField == null) {
            return null;
        }
        if (keyField instanceof CharSequence || keyField instanceof UUID || keyField instanceof Number) {
            return keyField.toString();
        }
        throw new IllegalArgumentException("a key field must be a String or a UUID (or a number), not a "
                + keyField.getClass().getName());
    }
}
