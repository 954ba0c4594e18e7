package io.github.eventcat.runtime.kafka;

/** Why a record is stuck (registry unreachable, dead-letter write failed); never the record's own fault. */
final class InfrastructureFailure extends Exception {
    private static final long serialVersionUID = 1L;

    InfrastructureFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
