package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson setup the JSON serdes use unless given their own mapper. */
public final class JsonMappers {
    private JsonMappers() {}

    /**
     * ISO-8601 strings for dates and times ({@code format: date-time}), absent rather than
     * {@code null} optional fields (a schema's {@code "type": "string"} rejects null), and unknown
     * fields ignored on read so that a newer writer with added fields stays readable.
     */
    public static ObjectMapper standard() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setDefaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }
}
