package io.github.eventcat.runtime.kafka;

import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * Where an event came from, given to handlers next to the event. {@code attempt} is 1 on the first
 * call and grows on retries, so a handler can tell a retry from a first delivery.
 */
public record EventContext(
        String topic, int partition, long offset, String key, Instant timestamp, Headers headers, int attempt) {

    /** The last value of header {@code name} as UTF-8 text, or null. */
    public String header(String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
