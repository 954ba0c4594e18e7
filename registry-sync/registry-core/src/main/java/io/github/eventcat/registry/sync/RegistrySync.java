package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.runtime.kafka.KafkaSecurityErrors;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The registry core's one entry point: sync a catalog (subjects, and topics when asked), check it
 * against the registry, pull subjects into a catalog, or get one event subject's registered schema.
 * A build-tool adapter or a program maps its settings to a request and calls one method; every
 * caller thus registers the same form of each subject (see {@link #registeredSchema}).
 */
public final class RegistrySync {
    private final Consumer<String> log;

    /** @param log receives the plan, progress and reports, one line or block at a time */
    public RegistrySync(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log == null");
    }

    /**
     * Plans, prints the plan and (unless a dry run) applies it.
     *
     * @throws SyncFailedException naming every subject or topic that failed
     * @throws io.github.eventcat.catalog.CatalogException when the catalog does not load
     * @throws io.github.eventcat.runtime.registry.SchemaRegistryException when the registry cannot be read to plan
     * @throws TopicSyncException when the Kafka cluster cannot be read to plan its topics
     * @throws SubjectConflictException when two schema files would share a subject
     */
    public SyncResult sync(SyncRequest request) {
        Catalog catalog = load(request.catalog());
        SchemaRegistryClient client = request.connection().client();
        log.accept("Syncing " + catalog.source() + " to " + request.connection());
        SyncPlan plan = new SyncPlanner(client, request.parallelism(), request.normalize()).plan(catalog);
        Admin admin = request.kafkaAdmin().map(RegistrySync::admin).orElse(null);
        try {
            TopicSync topics = admin == null
                    ? null
                    : new TopicSync(
                            admin,
                            request.connection().timeout().toMillis(),
                            KafkaSecurityErrors.of(request.kafkaAdmin().get()));
            if (topics != null) {
                plan = plan.withTopics(topics.plan(TopicSync.wanted(catalog.topics(), request.deadLetterSuffix())));
            }
            log.accept(PlanTable.render(plan));
            if (request.dryRun()) {
                log.accept("Dry run: nothing written.");
                return new SyncResult(plan, List.of(), List.of());
            }
            if (plan.isUpToDate()) {
                log.accept("Everything is up to date: nothing written.");
            }
            List<SubjectOutcome> subjects = plan.writes() == 0
                    ? unchanged(plan)
                    : new SyncExecutor(client, request.parallelism(), request.normalize(), log).apply(plan);
            List<TopicOutcome> topicOutcomes = topics == null ? List.of() : topics.apply(plan.topics());
            SyncResult result = new SyncResult(plan, subjects, topicOutcomes);
            if (!result.succeeded()) {
                throw new SyncFailedException(result);
            }
            log.accept("Registry sync done: " + result.summary());
            return result;
        } finally {
            if (admin != null) {
                // Without a bound, close() waits for calls still retrying against an unreachable
                // cluster until Kafka's own API timeout (60 s by default).
                admin.close(request.connection().timeout());
            }
        }
    }

    /** @throws IncompatibleSchemasException when any subject is incompatible */
    public CheckReport check(CheckRequest request) {
        Catalog catalog = load(request.catalog());
        CheckReport report = new CompatibilityCheck(
                        request.connection().client(), request.parallelism(), request.normalize())
                .check(catalog);
        log.accept(report.render());
        if (!report.passed()) {
            throw new IncompatibleSchemasException(report);
        }
        return report;
    }

    public PullResult pull(PullRequest request) {
        PullResult result =
                new RegistryPull(request.connection().client()).pull(request.subjects(), request.directory());
        log.accept("Pulled " + result.subjects().size() + " subject(s) into " + request.directory() + ": "
                + result.files().size() + " schema file(s), manifest "
                + result.manifest().getFileName());
        result.notes().forEach(note -> log.accept("  TODO " + note));
        return result;
    }

    /**
     * The registered schema (with its id) of one catalog subject, as {@link #sync} registers it:
     * the same text and references, the referenced subjects looked up (or registered) first. With
     * {@code register}, whatever of the subject and its references is missing is registered first,
     * and their compatibility levels set, exactly as a sync of those subjects would.
     *
     * @param subject an event subject of the catalog (e.g. {@code order.placed-value})
     * @throws SchemaNotRegisteredException when (without {@code register}) it or a schema it references is not registered
     * @throws SyncFailedException when registering failed (e.g. the registry refused the schema as incompatible)
     * @throws IllegalArgumentException when the catalog has no such subject
     */
    public RegisteredSchema registeredSchema(
            SchemaRegistryClient client, Catalog catalog, String subject, boolean register) {
        List<io.github.eventcat.catalog.registration.SchemaRegistration> needed =
                RegistrationForm.of(catalog).closure(subject);
        if (needed.isEmpty()) {
            throw new IllegalArgumentException("the catalog has no subject " + subject);
        }
        if (register) {
            SyncPlan plan = new SyncPlanner(client, 1, false).plan(needed);
            if (plan.writes() > 0) {
                SyncResult result =
                        new SyncResult(plan, new SyncExecutor(client, 1, false, log).apply(plan), List.of());
                if (!result.succeeded()) {
                    throw new SyncFailedException(result);
                }
            }
        }
        Map<String, Integer> versions = new HashMap<>();
        RegisteredSchema found = null;
        for (io.github.eventcat.catalog.registration.SchemaRegistration current : needed) {
            found = client.lookup(current.subject(), Definitions.of(current, versions))
                    .orElseThrow(() -> new SchemaNotRegisteredException(
                            current.subject(),
                            current.path(),
                            client.config().urls().toString(),
                            !current.subject().equals(subject)));
            versions.put(current.subject(), found.version());
        }
        return found;
    }

    /**
     * A registry failure as a message that says what to do: 401 (credentials refused), 403 (not
     * allowed), TLS (certificate not trusted) get advice, anything else the client's own message.
     *
     * @param credentialsHint where to set valid credentials, in the caller's terms (e.g. its settings)
     * @param storesHint where to set a trust store or key store, in the caller's terms
     */
    public static String describe(SchemaRegistryException failure, String credentialsHint, String storesHint) {
        return FailureAdvice.describe(
                failure,
                Objects.requireNonNull(credentialsHint, "credentialsHint == null"),
                Objects.requireNonNull(storesHint, "storesHint == null"));
    }

    private static List<SubjectOutcome> unchanged(SyncPlan plan) {
        return plan.subjects().stream()
                .map(p -> new SubjectOutcome(
                        p, OutcomeStatus.UNCHANGED, List.of(), null, java.util.OptionalInt.empty(), ""))
                .toList();
    }

    /** A catalog directory, a catalog jar, or a catalog module's output: schema-catalog's one rule. */
    static Catalog load(Path catalog) {
        return CatalogLoader.loadFrom(catalog);
    }

    private static Admin admin(Map<String, String> properties) {
        if (!properties.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException(
                    "topic provisioning needs bootstrap.servers (the Kafka cluster to create topics on) in the Kafka admin properties");
        }
        Map<String, Object> config = new HashMap<>(properties);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "eventcat-registry-sync");
        return Admin.create(config);
    }
}
