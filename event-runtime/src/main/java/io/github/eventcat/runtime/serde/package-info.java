/**
 * Kafka serializers and deserializers for Avro and JSON Schema events in the Confluent wire format
 * (magic byte 0, 4-byte big-endian schema id, payload), resolving schema ids through a
 * {@link io.github.eventcat.runtime.registry.SchemaRegistryClient} once and caching them.
 * Settings: {@link io.github.eventcat.runtime.serde.SerdeConfig}.
 */
package io.github.eventcat.runtime.serde;
