package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example catalog of {@code generated-example} loads with exactly the expected model. */
class ExampleCatalogTest {
    static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.load(EXAMPLE);
    }

    @Test
    void examplesOfOneAvroAndTwoJsonEventsLoadChecked() {
        assertThat(catalog.events().stream().filter(e -> !e.examples().isEmpty()))
                .extracting(Event::recordFullName, e -> e.examples().get(0).path())
                .containsExactlyInAnyOrder(
                        tuple("com.example.repairshop.TicketOpened", "examples/repairshop/ticket_opened.json"),
                        tuple("TaskEvent", "examples/todo/task_event.json"),
                        tuple("UserCreated", "examples/users/user_created.json"));
    }

    @Test
    void manifestDefaults() {
        assertThat(catalog.javaPackage()).isEqualTo("com.example.events");
        assertThat(catalog.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(catalog.defaultNaming()).isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
    }

    @Test
    void topicsSortedByNameWithTheirSettings() {
        assertThat(catalog.topics())
                .extracting(
                        Topic::name,
                        Topic::keyField,
                        Topic::partitions,
                        Topic::retention,
                        Topic::naming,
                        Topic::compatibility)
                .containsExactly(
                        tuple(
                                "appointments",
                                "ticket_id",
                                OptionalInt.of(3),
                                Optional.of(Duration.ofDays(30)),
                                SubjectNamingStrategy.TOPIC_RECORD,
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "order.placed",
                                "order_id",
                                OptionalInt.of(6),
                                Optional.of(Duration.ofDays(14)),
                                SubjectNamingStrategy.TOPIC,
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "payments",
                                "ticket_id",
                                OptionalInt.of(3),
                                Optional.of(Topic.INFINITE_RETENTION),
                                SubjectNamingStrategy.RECORD,
                                CompatibilityLevel.FULL_TRANSITIVE),
                        tuple(
                                "reminders",
                                "user_id",
                                OptionalInt.of(1),
                                Optional.of(Duration.ofDays(1)),
                                SubjectNamingStrategy.RECORD,
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "task-events",
                                "user_id",
                                OptionalInt.of(3),
                                Optional.of(Duration.ofDays(7)),
                                SubjectNamingStrategy.TOPIC,
                                CompatibilityLevel.FULL_TRANSITIVE),
                        tuple(
                                "task-updates",
                                "user_id",
                                OptionalInt.of(3),
                                Optional.of(Duration.ofHours(1)),
                                SubjectNamingStrategy.TOPIC_RECORD,
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "tickets",
                                "ticket_id",
                                OptionalInt.of(3),
                                Optional.of(Duration.ofDays(30)),
                                SubjectNamingStrategy.TOPIC_RECORD,
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "user.created",
                                "userId",
                                OptionalInt.of(1),
                                Optional.empty(),
                                SubjectNamingStrategy.TOPIC,
                                CompatibilityLevel.BACKWARD));
        assertThat(catalog.topic("payments").orElseThrow().retentionMs()).hasValue(-1);
        assertThat(catalog.topic("task-updates").orElseThrow().retentionMs()).hasValue(3_600_000);
        assertThat(catalog.topic("user.created").orElseThrow().retentionMs()).isEmpty();
    }

    @Test
    void subjectsForEachNamingStrategy() {
        assertThat(catalog.subjects())
                .extracting(Subject::name, Subject::topic, s -> s.schemaFile().path(), Subject::compatibility)
                .containsExactly(
                        tuple(
                                "TaskReminder",
                                "reminders",
                                "schemas/todo/task_reminder.json",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "appointments-com.example.repairshop.AppointmentBooked",
                                "appointments",
                                "schemas/repairshop/appointment_booked.avsc",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "com.example.repairshop.PaymentRegistered",
                                "payments",
                                "schemas/repairshop/payment_registered.avsc",
                                CompatibilityLevel.FULL_TRANSITIVE),
                        tuple(
                                "order.placed-value",
                                "order.placed",
                                "schemas/orders/order_placed.avsc",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "task-events-value",
                                "task-events",
                                "schemas/todo/task_event.json",
                                CompatibilityLevel.FULL_TRANSITIVE),
                        tuple(
                                "task-updates-TaskUpdate",
                                "task-updates",
                                "schemas/todo/task_update.json",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "tickets-com.example.repairshop.TicketClosed",
                                "tickets",
                                "schemas/repairshop/ticket_closed.avsc",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "tickets-com.example.repairshop.TicketOpened",
                                "tickets",
                                "schemas/repairshop/ticket_opened.avsc",
                                CompatibilityLevel.BACKWARD_TRANSITIVE),
                        tuple(
                                "user.created-value",
                                "user.created",
                                "schemas/users/user_created.json",
                                CompatibilityLevel.BACKWARD));
        assertThat(catalog.subjects()).noneMatch(Subject::key);
    }

    @Test
    void eventsWithRecordNamesAndJavaTypes() {
        assertThat(catalog.events())
                .extracting(
                        Event::name,
                        Event::recordFullName,
                        Event::javaTypeName,
                        Event::format,
                        e -> e.schemaFile().path(),
                        Event::eventIdField)
                .containsExactly(
                        tuple(
                                "task_event",
                                "TaskEvent",
                                "com.example.events.TaskEvent",
                                SchemaFormat.JSON,
                                "schemas/todo/task_event.json",
                                Optional.of("event_id")),
                        tuple(
                                "task_reminder",
                                "TaskReminder",
                                "com.example.events.TaskReminder",
                                SchemaFormat.JSON,
                                "schemas/todo/task_reminder.json",
                                Optional.of("event_id")),
                        tuple(
                                "task_update",
                                "TaskUpdate",
                                "com.example.events.TaskUpdate",
                                SchemaFormat.JSON,
                                "schemas/todo/task_update.json",
                                Optional.of("event_id")),
                        tuple(
                                "user_created",
                                "UserCreated",
                                "com.example.events.UserCreated",
                                SchemaFormat.JSON,
                                "schemas/users/user_created.json",
                                Optional.empty()),
                        tuple(
                                "order_placed",
                                "com.example.orders.OrderPlaced",
                                "com.example.orders.OrderPlaced",
                                SchemaFormat.AVRO,
                                "schemas/orders/order_placed.avsc",
                                Optional.empty()),
                        tuple(
                                "appointment_booked",
                                "com.example.repairshop.AppointmentBooked",
                                "com.example.repairshop.AppointmentBooked",
                                SchemaFormat.AVRO,
                                "schemas/repairshop/appointment_booked.avsc",
                                Optional.empty()),
                        tuple(
                                "payment_registered",
                                "com.example.repairshop.PaymentRegistered",
                                "com.example.repairshop.PaymentRegistered",
                                SchemaFormat.AVRO,
                                "schemas/repairshop/payment_registered.avsc",
                                Optional.empty()),
                        tuple(
                                "ticket_closed",
                                "com.example.repairshop.TicketClosed",
                                "com.example.repairshop.TicketClosed",
                                SchemaFormat.AVRO,
                                "schemas/repairshop/ticket_closed.avsc",
                                Optional.empty()),
                        tuple(
                                "ticket_opened",
                                "com.example.repairshop.TicketOpened",
                                "com.example.repairshop.TicketOpened",
                                SchemaFormat.AVRO,
                                "schemas/repairshop/ticket_opened.avsc",
                                Optional.empty()));
        assertThat(catalog.topic("tickets").orElseThrow().events())
                .extracting(Event::name)
                .containsExactly("ticket_opened", "ticket_closed");
    }

    @Test
    void avroCrossFileReferenceIsResolvedAndRecorded() {
        SchemaFile orderPlaced =
                catalog.schemaFile("schemas/orders/order_placed.avsc").orElseThrow();
        assertThat(orderPlaced.references())
                .containsExactly(new FileReference("com.example.orders.OrderLine", "schemas/orders/order_line.avsc"));
        assertThat(catalog.referencesInRegistrationOrder(orderPlaced))
                .extracting(SchemaFile::path)
                .containsExactly("schemas/orders/order_line.avsc");
        Schema schema = catalog.avroSchema(orderPlaced);
        Schema line = schema.getField("lines").schema().getElementType();
        assertThat(line.getFullName()).isEqualTo("com.example.orders.OrderLine");
        assertThat(line.getField("unit_price").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(12, 2));
    }

    @Test
    void avroLogicalTypesAndOptionalFields() {
        Schema opened = catalog.avroSchema(
                catalog.schemaFile("schemas/repairshop/ticket_opened.avsc").orElseThrow());
        assertThat(opened.getField("occurred_on").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(opened.getField("ticket_id").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
        Schema requester = opened.getField("requester").schema();
        assertThat(requester.getField("middlename").schema().getTypes())
                .extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(opened.getField("repair_type").schema().getEnumSymbols())
                .containsExactly("windshield", "bumper", "body");
    }

    @Test
    void jsonReferencesInRegistrationOrder() {
        SchemaFile taskEvent =
                catalog.schemaFile("schemas/todo/task_event.json").orElseThrow();
        assertThat(taskEvent.references())
                .containsExactly(new FileReference("task_data.json", "schemas/todo/task_data.json"));
        assertThat(catalog.referencesInRegistrationOrder(taskEvent))
                .extracting(SchemaFile::path)
                .containsExactly("schemas/todo/priority.json", "schemas/todo/task_data.json");
        JsonNode schema = catalog.jsonSchema(taskEvent);
        assertThat(schema.at("/properties/task_data/$ref").asText()).isEqualTo("task_data.json");
    }

    @Test
    void schemaFilesAreTheListedAndReferencedOnes() {
        assertThat(catalog.schemaFiles())
                .extracting(SchemaFile::path)
                .containsExactly(
                        "schemas/orders/order_line.avsc",
                        "schemas/orders/order_placed.avsc",
                        "schemas/repairshop/appointment_booked.avsc",
                        "schemas/repairshop/payment_registered.avsc",
                        "schemas/repairshop/ticket_closed.avsc",
                        "schemas/repairshop/ticket_opened.avsc",
                        "schemas/todo/priority.json",
                        "schemas/todo/task_data.json",
                        "schemas/todo/task_event.json",
                        "schemas/todo/task_reminder.json",
                        "schemas/todo/task_update.json",
                        "schemas/users/user_created.json");
        assertThat(catalog.schemaFile("schemas/users/user_created.json")
                        .orElseThrow()
                        .text())
                .startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\"");
    }

    @Test
    void everyNamingStrategyIsUsed() {
        assertThat(catalog.topics().stream().map(Topic::naming).distinct().toList())
                .containsExactlyInAnyOrder(SubjectNamingStrategy.values());
        assertThat(List.of(catalog.topics().size())).containsExactly(8);
    }
}
