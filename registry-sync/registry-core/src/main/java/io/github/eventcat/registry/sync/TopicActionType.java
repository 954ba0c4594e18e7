package io.github.eventcat.registry.sync;

/** What a sync does with one of the catalog's Kafka topics. */
enum TopicActionType {
    CREATE_TOPIC,
    /** More partitions in the catalog than on the broker: partitions are added (never removed). */
    INCREASE_PARTITIONS,
    UNCHANGED,
    /** The broker's topic differs in a way a sync does not change (fewer partitions wanted, other retention): reported. */
    DRIFT
}
