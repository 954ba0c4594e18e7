package io.github.eventcat.catalog.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The registration form of the example catalog of {@code generated-example}. */
class RegistrationFormTest {
    private final Catalog catalog = CatalogLoader.load(Path.of("../generated-example/src/main/catalog"));
    private final RegistrationForm form = RegistrationForm.of(catalog);

    @Test
    void referencesComeFirstUnderTheirRecordNames() {
        assertThat(form.registrations())
                .extracting(SchemaRegistration::subject)
                .containsExactly(
                        "Priority",
                        "TaskReminder",
                        "appointments-com.example.repairshop.AppointmentBooked",
                        "com.example.orders.OrderLine",
                        "com.example.repairshop.PaymentRegistered",
                        "tickets-com.example.repairshop.TicketClosed",
                        "tickets-com.example.repairshop.TicketOpened",
                        "user.created-value",
                        "TaskData",
                        "order.placed-value",
                        "task-updates-TaskUpdate",
                        "task-events-value");
        assertThat(form.registrations())
                .filteredOn(s -> s.role() == SubjectRole.REFERENCE)
                .extracting(SchemaRegistration::subject)
                .containsExactlyInAnyOrder("Priority", "TaskData", "com.example.orders.OrderLine");
    }

    @Test
    void avroReferencesAreNamedByFullNameAndJsonOnesByTheirRef() {
        assertThat(subject("order.placed-value").references())
                .containsExactly(new SubjectReference("com.example.orders.OrderLine", "com.example.orders.OrderLine"));
        assertThat(subject("task-events-value").references())
                .containsExactly(new SubjectReference("task_data.json", "TaskData"));
        assertThat(subject("task-events-value").depth()).isEqualTo(2);
    }

    @Test
    void eachSubjectHoldsItsFilesExactTextAndType() {
        SchemaRegistration orderPlaced = subject("order.placed-value");
        assertThat(orderPlaced.role()).isEqualTo(SubjectRole.EVENT);
        assertThat(orderPlaced.path()).isEqualTo("schemas/orders/order_placed.avsc");
        assertThat(orderPlaced.format()).isEqualTo(SchemaFormat.AVRO);
        assertThat(orderPlaced.text())
                .isEqualTo(catalog.schemaFile(orderPlaced.path()).orElseThrow().text());
        assertThat(subject("TaskData").format()).isEqualTo(SchemaFormat.JSON);
        assertThat(subject("TaskData").compatibility()).isEqualTo(catalog.defaultCompatibility());
        assertThat(subject("task-events-value").compatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void aSubjectsClosureListsWhatItReferencesFirst() {
        assertThat(form.closure("task-events-value"))
                .extracting(SchemaRegistration::subject)
                .containsExactly("Priority", "TaskData", "task-events-value");
        assertThat(form.closure("order.placed-value"))
                .extracting(SchemaRegistration::subject)
                .containsExactly("com.example.orders.OrderLine", "order.placed-value");
        assertThat(form.closure("user.created-value"))
                .extracting(SchemaRegistration::subject)
                .containsExactly("user.created-value");
        assertThat(form.closure("no-such-subject")).isEmpty();
    }

    private SchemaRegistration subject(String name) {
        return form.registration(name).orElseThrow();
    }
}
