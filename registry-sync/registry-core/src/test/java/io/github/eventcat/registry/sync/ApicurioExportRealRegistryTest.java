package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real registry's export says what its Confluent API says: for every subject the latest version
 * (number, id, text, type, references) and, where the subject has one, its level. After a sync of
 * the example catalog and changes made behind the catalog's back (a new version, a level, a
 * schema shared by two subjects, a deleted subject).
 */
class ApicurioExportRealRegistryTest {
    private static final String TICKET_CLOSED = "tickets-com.example.repairshop.TicketClosed";

    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void freshRegistry() {
        registry.reset();
    }

    @Test
    void theExportAgreesWithTheConfluentApiOnEverySubject() {
        SchemaRegistryClient client = RegistryConnection.of(registry.url()).client();
        new RegistrySync(log::add)
                .sync(new SyncRequest(
                        RegistryConnection.of(registry.url()),
                        ExampleCatalog.source(),
                        1,
                        false,
                        false,
                        Optional.empty()));
        client.setSubjectCompatibility(TICKET_CLOSED, CompatibilityLevel.NONE);
        client.register(
                TICKET_CLOSED,
                SchemaDefinition.avro(
                        "{\"type\":\"record\",\"name\":\"Replaced\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"));
        client.setSubjectCompatibility(TICKET_CLOSED, CompatibilityLevel.FULL);
        client.setSubjectCompatibility("TaskData", CompatibilityLevel.NONE);
        SchemaDefinition shared = client.latestVersion("Priority").definition();
        client.register("priority-copy", shared);
        client.deleteSubject("TaskReminder", false);
        List<String> subjects = client.subjects();

        ApicurioExport export = ApicurioExport.read(client.config()).orElseThrow();

        assertThat(export.latestBySubject()).containsOnlyKeys(subjects);
        for (String subject : subjects) {
            RegisteredSchema latest = client.latestVersion(subject);
            assertThat(export.latestBySubject().get(subject)).as(subject).isEqualTo(latest);
        }
        assertThat(export.latestBySubject().get(TICKET_CLOSED).version()).isEqualTo(2);
        assertThat(export.levelBySubject()).containsEntry(TICKET_CLOSED, CompatibilityLevel.FULL);
        export.levelBySubject().forEach((subject, level) -> assertThat(client.subjectCompatibility(subject))
                .as(subject)
                .hasValue(level));
        // Apicurio keeps NONE as "no rule": such subjects are not in the export's levels, and the
        // sync asks for them one by one (GET /config answers NONE).
        assertThat(export.levelBySubject()).doesNotContainKeys("priority-copy", "TaskData");
        assertThat(client.subjectCompatibility("TaskData")).hasValue(CompatibilityLevel.NONE);
    }

    @Test
    void aUrlThatIsNotApicuriosConfluentApiIsNotAsked() {
        String otherPath = registry.url().replace("/apis/ccompat/v7", "/somewhere-else");
        SchemaRegistryClient client = RegistryConnection.of(otherPath).client();

        assertThat(ApicurioExport.read(client.config())).isEmpty();
    }
}
