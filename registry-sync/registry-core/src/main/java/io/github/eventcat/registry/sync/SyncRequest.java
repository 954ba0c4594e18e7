package io.github.eventcat.registry.sync;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code registry:sync} is asked to do.
 *
 * @param connection how to reach the registry
 * @param catalog the catalog directory (holding {@code catalog.yaml}) or a catalog jar
 * @param parallelism how many subjects are read or written at once
 * @param dryRun plan and print only
 * @param normalize ask the registry to normalize schemas on lookup and registration
 * @param kafkaAdmin when present, the catalog's topics are synced too, with these Kafka Admin
 *     client properties ({@code bootstrap.servers} and any security settings)
 * @param deadLetterSuffix with topics: also provision {@code <topic><suffix>} next to each topic, with
 *     its partitions (the generated consumers dead-letter to {@code <topic>.dlq} by default)
 */
public record SyncRequest(
        RegistryConnection connection,
        Path catalog,
        int parallelism,
        boolean dryRun,
        boolean normalize,
        Optional<Map<String, String>> kafkaAdmin,
        Optional<String> deadLetterSuffix) {
    public static final int DEFAULT_PARALLELISM = 4;

    public SyncRequest {
        Objects.requireNonNull(connection, "connection == null");
        Objects.requireNonNull(catalog, "catalog == null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        kafkaAdmin = kafkaAdmin.map(Map::copyOf);
        Objects.requireNonNull(deadLetterSuffix, "deadLetterSuffix == null");
        if (deadLetterSuffix.isPresent()
                && (kafkaAdmin.isEmpty() || deadLetterSuffix.get().isEmpty())) {
            throw new IllegalArgumentException("a dead-letter suffix needs topic provisioning (Kafka admin properties) "
                    + "and must not be empty");
        }
    }

    /** Without dead-letter topics. */
    public SyncRequest(
            RegistryConnection connection,
            Path catalog,
            int parallelism,
            boolean dryRun,
            boolean normalize,
            Optional<Map<String, String>> kafkaAdmin) {
        this(connection, catalog, parallelism, dryRun, normalize, kafkaAdmin, Optional.empty());
    }

    /** Registers the catalog and provisions its topics (and their {@code .dlq} dead-letter topics) with the defaults. */
    public static SyncRequest withTopics(RegistryConnection connection, Path catalog, Map<String, String> kafkaAdmin) {
        return new SyncRequest(
                connection, catalog, DEFAULT_PARALLELISM, false, false, Optional.of(kafkaAdmin), Optional.of(".dlq"));
    }

    /** Kafka's properties may hold secrets ({@code sasl.jaas.config}, {@code ssl.*.password}): only their names. */
    @Override
    public String toString() {
        return "SyncRequest[" + connection + ", catalog " + catalog + ", parallelism " + parallelism + ", dryRun "
                + dryRun
                + ", normalize " + normalize
                + kafkaAdmin
                        .map(p -> ", Kafka admin properties " + new java.util.TreeSet<>(p.keySet()))
                        .orElse("")
                + deadLetterSuffix.map(d -> ", dead-letter suffix " + d).orElse("") + "]";
    }
}
