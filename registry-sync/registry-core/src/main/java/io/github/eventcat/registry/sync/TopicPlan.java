package io.github.eventcat.registry.sync;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a sync will do with one topic.
 *
 * @param topic the topic name
 * @param action create, add partitions, nothing, or report drift
 * @param partitions the catalog's partition count (empty: broker default)
 * @param currentPartitions the broker's, empty when the topic does not exist
 * @param retentionMs the catalog's {@code retention.ms} (empty: broker default)
 * @param drift what differs and is left alone
 */
record TopicPlan(
        String topic,
        TopicActionType action,
        OptionalInt partitions,
        OptionalInt currentPartitions,
        OptionalLong retentionMs,
        List<String> drift) {
    public TopicPlan {
        Objects.requireNonNull(topic, "topic == null");
        Objects.requireNonNull(action, "action == null");
        Objects.requireNonNull(partitions, "partitions == null");
        Objects.requireNonNull(currentPartitions, "currentPartitions == null");
        Objects.requireNonNull(retentionMs, "retentionMs == null");
        drift = List.copyOf(drift);
    }

    public boolean writes() {
        return action == TopicActionType.CREATE_TOPIC || action == TopicActionType.INCREASE_PARTITIONS;
    }
}
