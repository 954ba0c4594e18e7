package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eventcat.catalog.CatalogLoader;

class RegistrySubjectsTest {
    private final List<RegistrySubject> subjects = RegistrySubjects.fromCatalog(CatalogLoader.load(ExampleCatalog.source()));

    @Test
    void referencesComeFirstUnderTheirRecordNames() {
        assertThat(subjects).extracting(RegistrySubject::name).containsExactly(
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
        assertThat(subjects).filteredOn(s -> s.role() == SubjectRole.REFERENCE).extracting(RegistrySubject::name)
                .containsExactlyInAnyOrder("Priority", "TaskData", "com.example.orders.OrderLine");
    }

    @Test
    void avroReferencesAreNamedByFullNameAndJsonOnesByTheirRef() {
        assertThat(subject("order.placed-value").references())
                .containsExactly(new ReferenceLink("com.example.orders.OrderLine", "com.example.orders.OrderLine"));
        assertThat(subject("task-events-value").references()).containsExactly(new ReferenceLink("task_data.json", "TaskData"));
        assertThat(subject("task-events-value").depth()).isEqualTo(2);
    }

    private RegistrySubject subject(String name) {
        return subjects.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
