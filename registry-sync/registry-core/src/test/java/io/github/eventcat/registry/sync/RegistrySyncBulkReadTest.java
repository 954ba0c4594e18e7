package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads of a sync: with a registry serving Confluent's {@code GET /schemas?latestOnly=true}
 * (the real registry behind a {@link ConfluentSchemasFacade}) an unchanged sync reads the subject
 * list, the bulk list and one level per subject; on plain Apicurio it reads of Apicurio's own export (plain Apicurio), or, when neither is served, one lookup
 * and one level per subject. A counting {@link RegistryProxy} sits in front.
 */
class RegistrySyncBulkReadTest {
    /** The example catalog's subjects: nine events and three referenced schemas, over three reference depths. */
    private static final List<String> SUBJECTS = List.of(
            "tickets-com.example.repairshop.TicketOpened",
            "tickets-com.example.repairshop.TicketClosed",
            "appointments-com.example.repairshop.AppointmentBooked",
            "task-updates-TaskUpdate",
            "com.example.repairshop.PaymentRegistered",
            "TaskReminder",
            "order.placed-value",
            "user.created-value",
            "task-events-value",
            "com.example.orders.OrderLine",
            "TaskData",
            "Priority");

    private static final String TICKET_CLOSED = "tickets-com.example.repairshop.TicketClosed";

    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
    private final List<String> log = new ArrayList<>();
    private ConfluentSchemasFacade facade;
    private RegistryProxy proxy;

    @TempDir
    Path temp;

    @BeforeEach
    void freshRegistry() {
        registry.reset();
        facade = new ConfluentSchemasFacade(registry.url());
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (facade != null) {
            facade.close();
        }
    }

    private void countInFrontOf(String url) {
        proxy = new RegistryProxy(url);
    }

    private SyncResult sync(Path catalog, int parallelism, boolean dryRun) {
        return new RegistrySync(log::add)
                .sync(new SyncRequest(
                        RegistryConnection.of(proxy.url()), catalog, parallelism, dryRun, false, Optional.empty()));
    }

    /**
     * Syncs the example catalog, then again unchanged, counting only the second: every subject is
     * unchanged at version 1 and nothing is written.
     */
    private SyncResult unchangedSecondSync(int parallelism) {
        assertThat(sync(ExampleCatalog.source(), 1, false).succeeded()).isTrue();
        proxy.resetCounts();

        SyncResult second = sync(ExampleCatalog.source(), parallelism, false);

        assertThat(second.plan().isUpToDate()).isTrue();
        assertThat(second.plan().subjects()).allSatisfy(p -> {
            assertThat(p.state()).as(p.name()).isEqualTo(SchemaState.UNCHANGED);
            assertThat(p.registeredVersion()).as(p.name()).isEqualTo(OptionalInt.of(1));
        });
        assertThat(proxy.writes()).isZero();
        return second;
    }

    private static List<String> levelReads() {
        return SUBJECTS.stream().map(s -> "GET /config/" + s).toList();
    }

    @Test
    void theFacadeAnswersTheBulkReadFromTheRealRegistry() {
        countInFrontOf(facade.url());
        sync(ExampleCatalog.source(), 1, false);
        SchemaRegistryClient direct = RegistryConnection.of(registry.url()).client();

        SchemaRegistryClient client = RegistryConnection.of(facade.url()).client();

        assertThat(client.latestSchemas()).hasValueSatisfying(latest -> {
            assertThat(latest).extracting(r -> r.subject()).containsExactlyInAnyOrderElementsOf(SUBJECTS);
            latest.forEach(r -> assertThat(r).as(r.subject()).isEqualTo(direct.latestVersion(r.subject())));
        });
        assertThat(client.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnchangedSyncReadsTheSubjectsTheBulkListAndOneLevelPerSubject() {
        countInFrontOf(facade.url());

        unchangedSecondSync(4);

        List<String> requests = proxy.requests();
        assertThat(requests).hasSize(2 + SUBJECTS.size());
        assertThat(requests.subList(0, 2)).containsExactly("GET /subjects", "GET /schemas");
        // Levels of one reference depth are read in parallel: their order varies.
        assertThat(requests.subList(2, requests.size())).containsExactlyInAnyOrderElementsOf(levelReads());
    }

    @Test
    void aChangedSchemaIsLookedUpAndBecomesANewVersionOfThatSubjectOnly() {
        countInFrontOf(facade.url());
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        sync(catalog, 1, false);
        Path ticketClosed = catalog.resolve("schemas/repairshop/ticket_closed.avsc");
        String original = read(ticketClosed);
        ExampleCatalog.replace(
                ticketClosed,
                "{\"name\": \"ticket_id\"",
                "{\"name\": \"mechanic\", \"type\": [\"null\", \"string\"], \"default\": null},\n    {\"name\": \"ticket_id\"");
        proxy.resetCounts();

        SyncPlan plan = sync(catalog, 1, true).plan();

        assertThat(plan.subjects())
                .filteredOn(SubjectPlan::registers)
                .extracting(SubjectPlan::name)
                .containsExactly(TICKET_CLOSED);
        assertThat(plan.subjects())
                .filteredOn(p -> p.name().equals(TICKET_CLOSED))
                .extracting(SubjectPlan::state)
                .containsExactly(SchemaState.NEW_VERSION);
        List<String> expected = new ArrayList<>(List.of("GET /subjects", "GET /schemas"));
        expected.addAll(levelReads());
        expected.add("POST /subjects/"
                + TICKET_CLOSED); // the lookup: only the registry knows whether it is an older version
        assertThat(proxy.requests()).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(sync(catalog, 1, false).succeeded()).isTrue();
        SchemaRegistryClient direct = RegistryConnection.of(registry.url()).client();
        assertThat(direct.versions(TICKET_CLOSED)).containsExactly(1, 2);

        // Back to version 1's text: the latest (2) differs, the lookup finds 1, nothing is written.
        write(ticketClosed, original);
        proxy.resetCounts();
        SyncResult reverted = sync(catalog, 1, false);
        assertThat(reverted.plan().isUpToDate()).isTrue();
        assertThat(reverted.plan().subjects())
                .filteredOn(p -> p.name().equals(TICKET_CLOSED))
                .extracting(SubjectPlan::registeredVersion)
                .containsExactly(OptionalInt.of(1));
        assertThat(proxy.requests())
                .filteredOn(r -> r.startsWith("POST"))
                .containsExactly("POST /subjects/" + TICKET_CLOSED);
        assertThat(proxy.writes()).isZero();
    }

    @Test
    void aSchemaOnlyReformattedIsUnchangedWithoutALookup() {
        countInFrontOf(facade.url());
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        sync(catalog, 1, false);
        // A referenced Avro schema and a JSON schema that references another: both on one line now.
        Path orderLine = catalog.resolve("schemas/orders/order_line.avsc");
        Path taskData = catalog.resolve("schemas/todo/task_data.json");
        for (Path file : List.of(orderLine, taskData)) {
            String compact = compact(read(file));
            assertThat(compact).isNotEqualTo(read(file));
            write(file, compact);
        }
        proxy.resetCounts();

        SyncResult result = sync(catalog, 1, false);

        assertThat(result.plan().isUpToDate()).isTrue();
        assertThat(result.plan().subjects())
                .allSatisfy(p -> assertThat(p.state()).as(p.name()).isEqualTo(SchemaState.UNCHANGED));
        assertThat(proxy.count("POST")).isZero();
        assertThat(proxy.total()).isEqualTo(2 + SUBJECTS.size());
    }

    @Test
    void onApicurioAnUnchangedSyncReadsTheSubjectsAndItsExport() {
        countInFrontOf(registry.url()); // plain Apicurio: GET /schemas answers 404, its own export serves instead

        unchangedSecondSync(4);

        // The 404 is not retried; levels come with the export.
        assertThat(proxy.requests())
                .containsExactly("GET /subjects", "GET /schemas", "GET " + ApicurioExport.EXPORT_PATH);
    }

    @Test
    void onApicurioALevelChangedInTheRegistryIsSeenInTheExportAndSetBack() {
        countInFrontOf(registry.url());
        sync(ExampleCatalog.source(), 1, false);
        SchemaRegistryClient direct = RegistryConnection.of(registry.url()).client();
        CompatibilityLevel catalogLevel =
                direct.subjectCompatibility(TICKET_CLOSED).orElseThrow();
        CompatibilityLevel drifted =
                catalogLevel == CompatibilityLevel.FULL ? CompatibilityLevel.NONE : CompatibilityLevel.FULL;
        direct.setSubjectCompatibility(TICKET_CLOSED, drifted);
        proxy.resetCounts();

        SyncResult result = sync(ExampleCatalog.source(), 1, false);

        assertThat(result.plan().subjects())
                .filteredOn(p -> p.name().equals(TICKET_CLOSED))
                .singleElement()
                .satisfies(p -> assertThat(p.currentLevel()).hasValue(drifted));
        assertThat(proxy.requests())
                .containsExactly(
                        "GET /subjects",
                        "GET /schemas",
                        "GET " + ApicurioExport.EXPORT_PATH,
                        "PUT /config/" + TICKET_CLOSED);
        assertThat(direct.subjectCompatibility(TICKET_CLOSED)).hasValue(catalogLevel);
    }

    @Test
    void withoutAnyBulkReadEverySubjectIsLookedUpAndNothingIsWritten() {
        countInFrontOf(registry.url());
        proxy.refuse(ApicurioExport.EXPORT_PATH, 403); // as Apicurio with auth on, for a user without the admin role

        SyncResult second = unchangedSecondSync(1);

        assertThat(second.plan().subjects())
                .extracting(SubjectPlan::name)
                .containsExactlyInAnyOrderElementsOf(SUBJECTS);
        List<String> expected =
                new ArrayList<>(List.of("GET /subjects", "GET /schemas", "GET " + ApicurioExport.EXPORT_PATH));
        // Parallelism 1: the subjects are read one after the other, in plan order.
        second.plan()
                .subjects()
                .forEach(p -> expected.addAll(List.of("GET /config/" + p.name(), "POST /subjects/" + p.name())));
        assertThat(proxy.requests()).containsExactlyElementsOf(expected);
    }

    @Test
    void onApicurioCheckOfAnUnchangedCatalogReadsOnlyTheSubjectsAndTheExport() {
        countInFrontOf(registry.url());
        sync(ExampleCatalog.source(), 1, false);
        proxy.resetCounts();

        CheckReport report = new RegistrySync(log::add)
                .check(new CheckRequest(RegistryConnection.of(proxy.url()), ExampleCatalog.source(), 4, false));

        assertThat(report.passed()).isTrue();
        assertThat(proxy.requests())
                .containsExactly("GET /subjects", "GET /schemas", "GET " + ApicurioExport.EXPORT_PATH);
    }

    @Test
    void checkOfAnUnchangedCatalogReadsOnlyTheSubjectsAndTheBulkList() {
        countInFrontOf(facade.url());
        sync(ExampleCatalog.source(), 1, false);
        proxy.resetCounts();

        CheckReport report = new RegistrySync(log::add)
                .check(new CheckRequest(RegistryConnection.of(proxy.url()), ExampleCatalog.source(), 4, false));

        assertThat(report.passed()).isTrue();
        assertThat(report.subjects())
                .allSatisfy(
                        s -> assertThat(s.verdict()).as(s.subject().subject()).isEqualTo(CheckVerdict.UNCHANGED));
        assertThat(proxy.requests()).containsExactly("GET /subjects", "GET /schemas");
    }

    @Test
    void checkAsksTheRegistryOnlyAboutTheChangedSubject() {
        countInFrontOf(facade.url());
        Path catalog = ExampleCatalog.copyTo(temp.resolve("catalog"));
        sync(catalog, 1, false);
        ExampleCatalog.replace(
                catalog.resolve("schemas/repairshop/ticket_closed.avsc"),
                "{\"name\": \"ticket_id\"",
                "{\"name\": \"mechanic\", \"type\": \"string\"},\n    {\"name\": \"ticket_id\"");
        proxy.resetCounts();

        CheckRequest request = new CheckRequest(RegistryConnection.of(proxy.url()), catalog, 4, false);
        CheckReport report = catchThrowableOfType(
                        IncompatibleSchemasException.class, () -> new RegistrySync(log::add).check(request))
                .report();

        assertThat(report.incompatible()).extracting(c -> c.subject().subject()).containsExactly(TICKET_CLOSED);
        assertThat(report.incompatible().get(0).messages())
                .anySatisfy(m -> assertThat(m).contains("mechanic"));
        assertThat(proxy.requests().subList(0, 2)).containsExactly("GET /subjects", "GET /schemas");
        assertThat(proxy.requests().subList(2, proxy.requests().size()))
                .allSatisfy(r -> assertThat(r).contains("/" + TICKET_CLOSED))
                .contains("POST /subjects/" + TICKET_CLOSED);
    }

    @Test
    void aFirstSyncReadsOnlyTheSubjectList() {
        countInFrontOf(facade.url());

        sync(ExampleCatalog.source(), 1, true);

        assertThat(proxy.requests()).containsExactly("GET /subjects");
    }

    private static String compact(String json) {
        try {
            return new ObjectMapper().readTree(json).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
