package io.github.eventcat.codegen.light.engine;

/**
 * The Java type of JSON Schema strings with {@code "format": "date-time"}, as the plugin's users
 * name it (catalog-codegen's {@code DateTimeType} has the same constants).
 */
public enum DateTimeType {
    /** {@link java.time.Instant}: an instant on the UTC time line; offsets are normalised to Z. */
    INSTANT,
    /** {@link java.time.OffsetDateTime}: keeps the offset written on the wire. */
    OFFSET_DATE_TIME
}
