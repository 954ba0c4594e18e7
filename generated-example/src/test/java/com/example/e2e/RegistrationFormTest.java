package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.events.OrderPlacedProducer;
import com.example.events.Priority;
import com.example.events.TaskData;
import com.example.events.TaskEvent;
import com.example.events.TaskEventsProducer;
import com.example.orders.Customer;
import com.example.orders.OrderLine;
import com.example.orders.OrderPlaced;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.registry.sync.SyncResult;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.WireFormat;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.github.eventcat.vocabulary.SchemaReference;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One registration form: {@code registry:sync}'s core and the generated producers'
 * auto-registration put the same thing in the registry, in either order. Covered: an Avro event
 * with a cross-file reference ({@code order.placed}: OrderPlaced uses OrderLine from
 * order_line.avsc) and a JSON Schema event whose {@code $ref}s reach other files
 * ({@code task-events}: task_event.json → task_data.json → priority.json).
 */
@WithRealServers
class RegistrationFormTest {
    /** The subjects these two events need, references first. */
    private static final List<String> SUBJECTS =
            List.of("com.example.orders.OrderLine", "order.placed-value", "Priority", "TaskData", "task-events-value");

    private EmbeddedSchemaRegistry registry;
    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        registry.reset();
        E2e.freshTopics(kafka, "order.placed", "task-events");
        this.registry = registry;
        this.config = E2e.config(kafka, registry);
    }

    @Test
    void syncThenAutoRegisterLeavesOneVersionPerSubjectAndSendsWithTheSyncedIds(EmbeddedKafka kafka) throws Exception {
        sync();
        Map<String, RegisteredSchema> synced = registered();
        assertIsTheCatalogsForm(synced);

        Map<String, Integer> wireIds = send(kafka, true);

        assertThat(registered()).isEqualTo(synced);
        assertThat(wireIds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "order.placed", synced.get("order.placed-value").id(),
                        "task-events", synced.get("task-events-value").id()));
    }

    @Test
    void autoRegisterThenSyncFindsEverythingUnchanged(EmbeddedKafka kafka) throws Exception {
        Map<String, Integer> wireIds = send(kafka, true);
        Map<String, RegisteredSchema> autoRegistered = registered();
        assertIsTheCatalogsForm(autoRegistered);

        SyncResult result = sync();

        // Every schema the producers registered is already the one sync registers: it adds no version
        // (it only sets the compatibility levels, which auto-registration leaves alone).
        assertThat(result.subjectNames()).containsAll(SUBJECTS);
        assertThat(result.registeredSubjects()).doesNotContainAnyElementsOf(SUBJECTS);
        Map<String, RegisteredSchema> afterSync = registered(); // the catalog's other subjects too
        assertThat(afterSync).containsAllEntriesOf(autoRegistered);
        assertThat(wireIds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "order.placed", afterSync.get("order.placed-value").id(),
                        "task-events", afterSync.get("task-events-value").id()));
        // And a producer that does not register finds exactly that form.
        assertThat(send(kafka, false)).isEqualTo(wireIds);
    }

    private SyncResult sync() {
        return new RegistrySync(line -> {})
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        Path.of("src/main/catalog"),
                        SyncRequest.DEFAULT_PARALLELISM,
                        false,
                        false,
                        Optional.empty()));
    }

    /** Sends one event of each topic through the generated producers; the wire id by topic. */
    private Map<String, Integer> send(EmbeddedKafka kafka, boolean autoRegister) throws Exception {
        Map<String, Object> producerConfig = new java.util.HashMap<>(config);
        producerConfig.put("auto.register.schemas", Boolean.toString(autoRegister));
        try (OrderPlacedProducer orders = new OrderPlacedProducer(producerConfig);
                TaskEventsProducer tasks = new TaskEventsProducer(producerConfig)) {
            orders.send(orderPlaced()).get();
            tasks.send(taskEvent()).get();
        }
        Map<String, Integer> ids = new TreeMap<>();
        for (String topic : List.of("order.placed", "task-events")) {
            List<ConsumerRecord<byte[], byte[]>> records = E2e.readAll(kafka, topic, "read_uncommitted");
            ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
            ids.put(topic, WireFormat.schemaId(topic, last.value()));
        }
        return ids;
    }

    /** Every subject of the registry, with its one version (fails when a subject has several). */
    private Map<String, RegisteredSchema> registered() {
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url()));
        Map<String, RegisteredSchema> bySubject = new TreeMap<>();
        for (String subject : client.subjects()) {
            assertThat(client.versions(subject)).as("versions of " + subject).containsExactly(1);
            bySubject.put(subject, client.version(subject, 1));
        }
        return bySubject;
    }

    /** The catalog files' texts, each reference to version 1 of its subject. */
    private static void assertIsTheCatalogsForm(Map<String, RegisteredSchema> registered) {
        RegistrationForm form = RegistrationForm.of(E2e.catalog());
        assertThat(registered).containsKeys(SUBJECTS.toArray(String[]::new));
        for (String subject : SUBJECTS) {
            SchemaRegistration expected = form.registration(subject).orElseThrow();
            RegisteredSchema actual = registered.get(subject);
            assertThat(actual.definition().schema()).as(subject).isEqualTo(expected.text());
            assertThat(actual.definition().type())
                    .as(subject)
                    .isEqualTo(expected.format().registryType());
            assertThat(actual.definition().references())
                    .as(subject)
                    .containsExactlyElementsOf(expected.references().stream()
                            .map(r -> new SchemaReference(r.name(), r.subject(), 1))
                            .toList());
        }
        assertThat(registered.get("order.placed-value").definition().references())
                .containsExactly(
                        new SchemaReference("com.example.orders.OrderLine", "com.example.orders.OrderLine", 1));
        assertThat(registered.get("task-events-value").definition().references())
                .containsExactly(new SchemaReference("task_data.json", "TaskData", 1));
    }

    private static OrderPlaced orderPlaced() {
        return new OrderPlaced(
                UUID.randomUUID(),
                new Customer(UUID.randomUUID(), "Ann", "ann@example.com"),
                List.of(new OrderLine("wheel", 4, new BigDecimal("25.00"))),
                new BigDecimal("100.00"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static TaskEvent taskEvent() {
        return TaskEvent.builder()
                .eventId(UUID.randomUUID())
                .eventType(TaskEvent.EventType.CREATED)
                .timestamp(Instant.parse("2026-12-01T09:00:00Z"))
                .userId("ann")
                .taskId(1)
                .taskData(new TaskData("file taxes", false, Priority.HIGH, List.of(), null, null))
                .metadata(new TaskEvent.Metadata(TaskEvent.Metadata.Source.CHAT, "corr-1"))
                .build();
    }
}
