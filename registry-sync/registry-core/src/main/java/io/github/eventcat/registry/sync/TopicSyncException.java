package io.github.eventcat.registry.sync;

/**
 * A Kafka Admin call of topic provisioning failed or timed out while planning (reading the
 * cluster's topics). Failures while applying are reported per topic in the {@link SyncResult}.
 */
public final class TopicSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TopicSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
