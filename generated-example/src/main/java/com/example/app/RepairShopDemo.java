package com.example.app;

import com.example.repairshop.AppointmentBooked;
import com.example.repairshop.PaymentRegistered;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.registry.sync.SyncResult;
import io.github.eventcat.runtime.kafka.ConsumerHealth;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The example's main job: runs the car repair shop flow with the generated producers and
 * consumers, printing each event as it passes through the services.
 *
 * <pre>
 * java com.example.app.RepairShopDemo [--bootstrap-servers HOST:PORT] [--schema-registry-url URL]
 *                                     [--catalog DIR] [--tickets N] [--metrics] [--tracing]
 * </pre>
 *
 * Servers come from the flags, else from {@code BOOTSTRAP_SERVERS} / {@code SCHEMA_REGISTRY_URL};
 * when neither names one, an in-process Kafka broker and a Schema Registry (Apicurio, child JVM)
 * are started for the run and stopped at its end. The catalog ({@code src/main/catalog} by
 * default) is registered (referenced schemas first) and its topics created before the flow.
 * On shutdown it prints each service's consumer health (status, partitions, lag left).
 * {@code --metrics} and {@code --tracing} (both off by default) wire a Micrometer registry and an
 * OpenTelemetry SDK into the services ({@link ShopObservability}) and print the counters and the
 * traces at the end. Exits 0 when every ticket was closed, 1 when not, 2 on a bad command line.
 */
public final class RepairShopDemo {
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);

    /** The command line and environment, resolved. */
    record Settings(
            Optional<String> bootstrapServers,
            Optional<String> registryUrl,
            Path catalog,
            int tickets,
            boolean metrics,
            boolean tracing) {

        /** Without metrics and tracing. */
        Settings(Optional<String> bootstrapServers, Optional<String> registryUrl, Path catalog, int tickets) {
            this(bootstrapServers, registryUrl, catalog, tickets, false, false);
        }

        static Settings parse(String[] args, Map<String, String> env) {
            Optional<String> bootstrap = nonBlank(env.get("BOOTSTRAP_SERVERS"));
            Optional<String> registry = nonBlank(env.get("SCHEMA_REGISTRY_URL"));
            Path catalog = Path.of("src/main/catalog");
            int tickets = 3;
            boolean metrics = false;
            boolean tracing = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--metrics") || flag.equals("--tracing")) {
                    metrics |= flag.equals("--metrics");
                    tracing |= flag.equals("--tracing");
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--bootstrap-servers" -> bootstrap = nonBlank(value);
                    case "--schema-registry-url" -> registry = nonBlank(value);
                    case "--catalog" -> catalog = Path.of(value);
                    case "--tickets" -> tickets = Integer.parseInt(value);
                    default ->
                        throw new IllegalArgumentException("unknown option " + flag
                                + ": use --bootstrap-servers, --schema-registry-url, --catalog, --tickets, --metrics"
                                + " or --tracing");
                }
            }
            if (tickets < 1) {
                throw new IllegalArgumentException("--tickets must be at least 1, not " + tickets);
            }
            return new Settings(bootstrap, registry, catalog, tickets, metrics, tracing);
        }

        private static Optional<String> nonBlank(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }
    }

    private RepairShopDemo() {}

    public static void main(String[] args) throws Exception {
        // Kafka's clients log every configuration at INFO: keep the console for the events.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out));
    }

    /** Runs the flow; returns the exit code. */
    static int run(Settings settings, PrintStream out) throws Exception {
        Catalog catalog = CatalogLoader.load(settings.catalog());
        List<AutoCloseable> started = new ArrayList<>();
        ShopObservability observability = new ShopObservability(settings.metrics(), settings.tracing());
        try {
            String bootstrap = settings.bootstrapServers().orElseGet(() -> {
                out.println("No bootstrap servers given: starting an in-process Kafka broker…");
                EmbeddedKafka kafka = EmbeddedKafka.start();
                started.add(0, kafka);
                return kafka.bootstrapServers();
            });
            String registryUrl = settings.registryUrl().orElseGet(() -> {
                out.println("No Schema Registry given: starting one (Apicurio, Confluent API)…");
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
                started.add(0, registry);
                return registry.url();
            });
            out.println("Kafka " + bootstrap + ", Schema Registry " + registryUrl);
            Map<String, Object> config =
                    observability.configure(Map.of("bootstrap.servers", bootstrap, "schema.registry.url", registryUrl));

            // What mvn registry:sync -Dregistry.topics does, through the same core: every subject
            // (references first, with its level), then the topics and their dead-letter topics.
            SyncResult synced = new RegistrySync(line -> {})
                    .sync(SyncRequest.withTopics(
                            RegistryConnection.of(registryUrl),
                            settings.catalog(),
                            Map.of("bootstrap.servers", bootstrap)));
            out.println("Registered " + synced.subjectNames().size() + " schemas of "
                    + catalog.subjects().size() + " subjects (references first)");
            out.println("Created topics " + synced.changedTopics());
            return runFlow(config, settings.tickets(), out);
        } finally {
            observability.print(out);
            observability.close();
            for (AutoCloseable server : started) {
                server.close();
            }
        }
    }

    private static int runFlow(Map<String, Object> config, int count, PrintStream out) throws InterruptedException {
        List<Requester> customers = List.of(
                requester("ada@example.com", "Ada", "Lovelace", 36),
                requester("alan@example.com", "Alan", "Turing", 41),
                requester("grace@example.com", "Grace", "Hopper", 45));
        RepairType[] repairs = RepairType.values();
        RepairShop shop = new RepairShop(config, "repair-shop-", p -> out.println(line(p)));
        try (shop) {
            List<UUID> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opened.add(shop.openTicket(customers.get(i % customers.size()), repairs[i % repairs.length]));
            }
            int closed = 0;
            for (UUID ticket : opened) {
                if (shop.awaitClosed(ticket, FLOW_TIMEOUT)) {
                    closed++;
                }
            }
            out.println(closed + " of " + opened.size() + " tickets closed: " + shop.tickets());
            return closed == opened.size() ? 0 : 1;
        } finally {
            out.println("Consumers on shutdown:");
            shop.health().forEach((service, health) -> out.println("  " + health(service, health)));
        }
    }

    /** One service's consumer health as a line: status (with why), partitions, lag left. */
    static String health(String service, ConsumerHealth health) {
        String partitions = health.assignedPartitions().stream()
                .map(Object::toString)
                .sorted()
                .collect(Collectors.joining(", ", "[", "]"));
        return service + ": " + health.status()
                + (health.reason().isEmpty() ? "" : " (" + health.reason() + ")")
                + ", partitions " + partitions + ", lag " + health.totalLag();
    }

    private static String line(Passage passage) {
        Object event = passage.event();
        String details = "";
        if (event instanceof TicketOpened e) {
            details = e.getRequester().getName() + " " + e.getRequester().getSurname() + ", " + e.getRepairType();
        } else if (event instanceof AppointmentBooked e) {
            details = "scheduled at " + e.getScheduledAt();
        } else if (event instanceof PaymentRegistered e) {
            details = "amount " + e.getAmount();
        }
        return passage.describe(details);
    }

    private static Requester requester(String email, String name, String surname, int age) {
        return Requester.newBuilder()
                .setEmail(email)
                .setName(name)
                .setSurname(surname)
                .setAge(age)
                .build();
    }
}
