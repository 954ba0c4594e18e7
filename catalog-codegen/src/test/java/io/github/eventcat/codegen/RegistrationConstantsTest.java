package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.vocabulary.SubjectReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code REGISTRATIONS} constants are the catalog's registration form, as
 * {@code registry:sync} registers it: same subjects, types, texts and references, in order.
 */
class RegistrationConstantsTest {
    @TempDir
    Path temp;

    @Test
    void everyTopicsRegistrationsAreTheCatalogsFormOfItsValueSubjects() throws Exception {
        Catalog catalog = ExampleCatalog.load();
        RegistrationForm form = RegistrationForm.of(catalog);
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(
                        new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve("unused"))));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        for (Topic topic : catalog.topics()) {
            List<SchemaRegistration> expected = CatalogConstantsSources.valueRegistrations(topic, form).stream()
                    .map(r -> new SchemaRegistration(
                            r.subject(),
                            r.format().registryType(),
                            r.text(),
                            r.references().stream()
                                    .map(ref -> new SubjectReference(ref.name(), ref.subject()))
                                    .toList()))
                    .toList();
            assertThat(registrations(loader, topic)).as(topic.name()).isEqualTo(expected);
        }
        assertThat(registrations(loader, catalog.topic("order.placed").orElseThrow()))
                .extracting(SchemaRegistration::subject)
                .containsExactly("com.example.orders.OrderLine", "order.placed-value");
        assertThat(registrations(loader, catalog.topic("task-events").orElseThrow()))
                .extracting(SchemaRegistration::subject)
                .containsExactly("Priority", "TaskData", "task-events-value");
    }

    @SuppressWarnings("unchecked")
    private static List<SchemaRegistration> registrations(ClassLoader loader, Topic topic) throws Exception {
        String nested = JavaNames.pascalCase(topic.name());
        return (List<SchemaRegistration>) loader.loadClass("com.example.events.EventCatalog$" + nested)
                .getField("REGISTRATIONS")
                .get(null);
    }
}
