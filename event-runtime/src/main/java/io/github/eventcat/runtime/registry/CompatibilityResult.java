package io.github.eventcat.runtime.registry;

import java.util.List;

/**
 * The registry's verdict on a candidate schema. {@code messages} holds Confluent's verbose
 * {@code messages} or Apicurio's single {@code reason}; empty when compatible or not verbose.
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
