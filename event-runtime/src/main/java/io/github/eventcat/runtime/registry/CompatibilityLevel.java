package io.github.eventcat.runtime.registry;

import java.util.Locale;

/** Confluent's compatibility levels, per subject or global. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    static CompatibilityLevel fromRegistry(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
