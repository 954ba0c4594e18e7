package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registry:sync, check and pull against the real registry (Apicurio's Confluent API), through a counting proxy. */
class RegistrySyncRealRegistryTest {
    private static final Map<String, CompatibilityLevel> EXPECTED = Map.ofEntries(
            // TOPIC_RECORD (the catalog's default naming), default level BACKWARD_TRANSITIVE
            Map.entry("tickets-com.example.repairshop.TicketOpened", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("tickets-com.example.repairshop.TicketClosed", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("appointments-com.example.repairshop.AppointmentBooked", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("task-updates-TaskUpdate", CompatibilityLevel.BACKWARD_TRANSITIVE),
            // RECORD
            Map.entry("com.example.repairshop.PaymentRegistered", CompatibilityLevel.FULL_TRANSITIVE),
            Map.entry("TaskReminder", CompatibilityLevel.BACKWARD_TRANSITIVE),
            // TOPIC
            Map.entry("order.placed-value", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("user.created-value", CompatibilityLevel.BACKWARD),
            Map.entry("task-events-value", CompatibilityLevel.FULL_TRANSITIVE),
            // referenced schemas, under their record names, with the catalog's default level
            Map.entry("com.example.orders.OrderLine", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("TaskData", CompatibilityLevel.BACKWARD_TRANSITIVE),
            Map.entry("Priority", CompatibilityLevel.BACKWARD_TRANSITIVE));

    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
    private final List<String> log = new ArrayList<>();
    private RegistryProxy proxy;

    @TempDir
    Path temp;

    @BeforeEach
    void freshRegistry() {
        registry.reset();
        proxy = new RegistryProxy(registry.url());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private SyncResult sync(Path catalog, int parallelism, boolean dryRun) {
        return new RegistrySync(log::add)
                .sync(new SyncRequest(
                        RegistryConnection.of(proxy.url()), catalog, parallelism, dryRun, false, Optional.empty()));
    }

    private SchemaRegistryClient direct() {
        return RegistryConnection.of(registry.url()).client();
    }

    @Test
    void firstSyncRegistersEverySubjectUnderItsStrategyWithItsLevel() {
        SyncResult result = sync(ExampleCatalog.source(), 1, false);

        assertThat(result.succeeded()).isTrue();
        SchemaRegistryClient client = direct();
        assertThat(client.subjects()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        EXPECTED.forEach((subject, level) ->
                assertThat(client.subjectCompatibility(subject)).as(subject).contains(level));
        RegisteredSchema orderPlaced = client.latestVersion("order.placed-value");
        assertThat(orderPlaced.definition().references())
                .containsExactly(
                        new SchemaReference("com.example.orders.OrderLine", "com.example.orders.OrderLine", 1));
        assertThat(client.latestVersion("task-events-value").definition().references())
                .containsExactly(new SchemaReference("task_data.json", "TaskData", 1));
        assertThat(client.latestVersion("TaskData").definition().references())
                .containsExactly(new SchemaReference("priority.json", "Priority", 1));
        // References were written before the schemas using them.
        List<String> registrations = proxy.requests().stream()
                .filter(r -> r.startsWith("POST") && r.endsWith("/versions"))
                .toList();
        assertThat(registrations.indexOf("POST /subjects/Priority/versions"))
                .isLessThan(registrations.indexOf("POST /subjects/TaskData/versions"));
        assertThat(registrations.indexOf("POST /subjects/TaskData/versions"))
                .isLessThan(registrations.indexOf("POST /subjects/task-events-value/versions"));
        // The level of a new subject is set before its first version.
        List<String> requests = proxy.requests();
        assertThat(requests.indexOf("PUT /config/order.placed-value"))
                .isLessThan(requests.indexOf("POST /subjects/order.placed-value/versions"));
        assertThat(String.join("\n", log)).contains("REGISTER_NEW_SUBJECT", "SET_COMPATIBILITY", "order.placed-value");
    }

    @Test
    void secondSyncWritesNothingAndReadsNothingPerSubject() {
        sync(ExampleCatalog.source(), 1, false);
        proxy.resetCounts();

        SyncResult second = sync(ExampleCatalog.source(), 4, false);

        assertThat(second.plan().isUpToDate()).isTrue();
        assertThat(second.count(OutcomeStatus.UNCHANGED)).isEqualTo(EXPECTED.size());
        assertThat(proxy.writes()).isZero();
        assertThat(proxy.count("PUT")).isZero();
        // GET /subjects, GET /schemas (404 on Apicurio), Apicurio's export: schemas and levels of all subjects.
        assertThat(proxy.total()).isEqualTo(3);
        assertThat(String.join("\n", log)).contains("up to date");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() {
        SyncResult result = sync(ExampleCatalog.source(), 4, true);

        assertThat(result.plan().writes()).isEqualTo(2 * EXPECTED.size());
        assertThat(proxy.writes()).isZero();
        assertThat(direct().subjects()).isEmpty();
        assertThat(String.join("\n", log))
                .contains("Dry run", "REGISTER_NEW_SUBJECT", "tickets-com.example.repairshop.TicketOpened");
    }

    @Test
    void subjectsOnlyInTheRegistryAreReportedAndKept() {
        direct().register(
                        "legacy-value",
                        SchemaDefinition.avro("{\"type\":\"record\",\"name\":\"Legacy\",\"fields\":[]}"));

        SyncResult result = sync(ExampleCatalog.source(), 1, false);

        assertThat(result.plan().unknownSubjects()).containsExactly("legacy-value");
        assertThat(direct().subjects()).contains("legacy-value");
        assertThat(String.join("\n", log)).contains("legacy-value", "UNKNOWN_IN_REGISTRY");
    }

    @Test
    void incompatibleChangeFailsCheckAndSyncNamingTheField() {
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        sync(catalog, 1, false);
        // A new field without a default: new readers cannot read old events (BACKWARD_TRANSITIVE).
        ExampleCatalog.replace(
                catalog.resolve("schemas/repairshop/ticket_closed.avsc"),
                "{\"name\": \"ticket_id\"",
                "{\"name\": \"mechanic\", \"type\": \"string\"},\n    {\"name\": \"ticket_id\"");
        CheckRequest check = new CheckRequest(RegistryConnection.of(proxy.url()), catalog, 4, false);
        proxy.resetCounts();

        assertThatThrownBy(() -> new RegistrySync(log::add).check(check))
                .isInstanceOf(IncompatibleSchemasException.class)
                .hasMessageContaining("tickets-com.example.repairshop.TicketClosed")
                .hasMessageContaining("mechanic")
                .satisfies(e -> assertThat(
                                ((IncompatibleSchemasException) e).report().incompatible())
                        .hasSize(1));
        assertThat(proxy.writes()).isZero();

        assertThatThrownBy(() -> sync(catalog, 1, false))
                .isInstanceOf(SyncFailedException.class)
                .hasMessageContaining("tickets-com.example.repairshop.TicketClosed")
                .hasMessageContaining("schemas/repairshop/ticket_closed.avsc")
                .hasMessageContaining("mechanic")
                .satisfies(e -> assertThat(((SyncFailedException) e).hasIncompatibleSchema())
                        .isTrue());
        assertThat(direct().versions("tickets-com.example.repairshop.TicketClosed"))
                .containsExactly(1);
    }

    @Test
    void newSubjectsAndCompatibleChangesPassCheckAndSyncAddsAVersion() {
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        CheckReport onEmpty = new RegistrySync(log::add)
                .check(new CheckRequest(RegistryConnection.of(proxy.url()), catalog, 4, false));
        assertThat(onEmpty.passed()).isTrue();
        assertThat(onEmpty.subjects()).allSatisfy(s -> assertThat(s.verdict()).isEqualTo(CheckVerdict.NEW_SUBJECT));

        sync(catalog, 1, false);
        ExampleCatalog.replace(
                catalog.resolve("schemas/repairshop/ticket_closed.avsc"),
                "{\"name\": \"ticket_id\"",
                "{\"name\": \"mechanic\", \"type\": [\"null\", \"string\"], \"default\": null},\n    {\"name\": \"ticket_id\"");
        CheckReport report = new RegistrySync(log::add)
                .check(new CheckRequest(RegistryConnection.of(proxy.url()), catalog, 4, false));
        assertThat(report.passed()).isTrue();
        assertThat(report.subjects())
                .filteredOn(s -> s.verdict() == CheckVerdict.COMPATIBLE)
                .extracting(s -> s.subject().subject())
                .containsExactly("tickets-com.example.repairshop.TicketClosed");

        SyncResult result = sync(catalog, 1, false);
        assertThat(result.plan().writes()).isEqualTo(1);
        assertThat(direct().versions("tickets-com.example.repairshop.TicketClosed"))
                .containsExactly(1, 2);
    }

    @Test
    void aChangedReferenceGivesNewVersionsOfTheSchemasUsingIt() {
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        sync(catalog, 1, false);
        ExampleCatalog.replace(
                catalog.resolve("schemas/orders/order_line.avsc"),
                "{\"name\": \"quantity\"",
                "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null},\n    {\"name\": \"quantity\"");

        SyncResult result = sync(catalog, 1, false);

        assertThat(result.plan().subjects())
                .filteredOn(SubjectPlan::registers)
                .extracting(SubjectPlan::name)
                .containsExactly("com.example.orders.OrderLine", "order.placed-value");
        assertThat(direct().latestVersion("order.placed-value").definition().references())
                .containsExactly(
                        new SchemaReference("com.example.orders.OrderLine", "com.example.orders.OrderLine", 2));
        assertThat(sync(catalog, 4, false).plan().isUpToDate()).isTrue();
    }

    @Test
    void pullWritesTheSchemasAndALoadableCatalogSkeleton() throws Exception {
        sync(ExampleCatalog.source(), 1, false);
        Path target = temp.resolve("pulled");

        PullResult result = new RegistrySync(log::add)
                .pull(new PullRequest(
                        RegistryConnection.of(proxy.url()),
                        Pattern.compile("tickets-.*|order\\.placed-value|task-events-value"),
                        target));

        assertThat(result.subjects())
                .containsExactly(
                        "order.placed-value",
                        "task-events-value",
                        "tickets-com.example.repairshop.TicketClosed",
                        "tickets-com.example.repairshop.TicketOpened");
        assertThat(target.resolve("schemas/com.example.orders.OrderLine.avsc")).exists();
        assertThat(target.resolve("schemas/task_data.json")).exists();
        assertThat(target.resolve("schemas/priority.json")).exists();
        String manifest = Files.readString(result.manifest());
        assertThat(manifest).contains("order.placed:", "subject-naming: TOPIC_RECORD", "tickets:", "task-events:");
        assertThat(CatalogLoader.load(target).subjects())
                .extracting(s -> s.name())
                .contains("order.placed-value", "task-events-value", "tickets-com.example.repairshop.TicketOpened");
    }
}
