package io.github.eventcat.registry.sync;

import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Not a test: prints figures. Generates a catalog of N Avro subjects (TOPIC naming, one topic per
 * subject), syncs it to a fresh real registry, then syncs it again unchanged, for parallelism 1 and
 * 8; then the same with Apicurio's export refused (the per-subject fallback), and through a
 * {@link ConfluentSchemasFacade}, a registry that also serves
 * Confluent's bulk read {@code GET /schemas} (the real registry's data in Confluent's shape). Run
 * with {@code bench/registry-sync.sh} (or this class's main, test classpath, with
 * {@code -Deventcat.registry-server=<registry-server zip>}). Argument: the subject count (1000).
 */
public final class RegistrySyncBenchmark {
    private RegistrySyncBenchmark() {}

    public static void main(String[] args) throws IOException {
        int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path catalog = generate(Files.createTempDirectory("eventcat-bench-catalog"), subjects);
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
                ConfluentSchemasFacade facade = new ConfluentSchemasFacade(registry.url())) {
            runBoth(
                    subjects,
                    "real registry (Apicurio 2.4.2: no GET /schemas, its export read instead)",
                    registry,
                    registry.url(),
                    catalog,
                    false);
            runBoth(
                    subjects,
                    "real registry, export refused (as without the admin role): per-subject reads",
                    registry,
                    registry.url(),
                    catalog,
                    true);
            runBoth(
                    subjects,
                    "registry serving GET /schemas (Confluent API over the real registry)",
                    registry,
                    facade.url(),
                    catalog,
                    false);
        }
    }

    private static void runBoth(
            int subjects,
            String label,
            EmbeddedSchemaRegistry registry,
            String url,
            Path catalog,
            boolean refuseExport) {
        for (int parallelism : new int[] {1, 8}) {
            registry.reset();
            System.out.printf("%n%d subjects, parallelism %d, %s%n", subjects, parallelism, label);
            run("first sync ", url, catalog, parallelism, refuseExport);
            run("second sync", url, catalog, parallelism, refuseExport);
        }
    }

    private static void run(String label, String url, Path catalog, int parallelism, boolean refuseExport) {
        try (RegistryProxy counter = new RegistryProxy(url)) {
            if (refuseExport) {
                counter.refuse("/apis/registry/v2/admin/export", 403);
            }
            long start = System.nanoTime();
            SyncResult result = new RegistrySync(line -> {})
                    .sync(new SyncRequest(
                            RegistryConnection.of(counter.url()),
                            catalog,
                            parallelism,
                            false,
                            false,
                            Optional.empty()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "  %s: %6d ms, %5d HTTP requests (GET %d, POST %d, PUT %d), %d writes, %d subjects unchanged%n",
                    label,
                    millis,
                    counter.total(),
                    counter.count("GET"),
                    counter.count("POST"),
                    counter.count("PUT"),
                    counter.writes(),
                    result.count(OutcomeStatus.UNCHANGED));
        }
    }

    static Path generate(Path directory, int subjects) throws IOException {
        StringBuilder manifest =
                new StringBuilder("package: bench.events\ncompatibility: BACKWARD\nsubject-naming: TOPIC\ntopics:\n");
        Files.createDirectories(directory.resolve("schemas"));
        for (int i = 0; i < subjects; i++) {
            String name = String.format("bench_event_%04d", i);
            manifest.append("  bench.topic-")
                    .append(i)
                    .append(":\n    key: id\n    events: [schemas/")
                    .append(name)
                    .append(".avsc]\n");
            Files.writeString(
                    directory.resolve("schemas/" + name + ".avsc"),
                    "{\"type\":\"record\",\"name\":\"BenchEvent" + i
                            + "\",\"namespace\":\"bench.events\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                            + "{\"name\":\"amount\",\"type\":\"long\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}\n");
        }
        Files.writeString(directory.resolve("catalog.yaml"), manifest.toString());
        return directory;
    }
}
