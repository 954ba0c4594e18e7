package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaType;
import org.junit.jupiter.api.Test;

/** The client against the real registry (Apicurio's Confluent API). */
@WithRealServers
class SchemaRegistryClientRealRegistryTest {
    private static final String V1 = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"}]}""";
    private static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"},\
            {"name":"note","type":"string","default":""}]}""";
    private static final String V2_WITHOUT_DEFAULT = """
            {"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"string"},\
            {"name":"qty","type":"int"}]}""";

    @Test
    void registersLooksUpAndFetchesById(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client =
                SchemaRegistryClient.fromConfig(java.util.Map.of("schema.registry.url", registry.url()));
        String subject = "orders-value";

        assertThat(client.lookup(subject, SchemaDefinition.avro(V1))).isEmpty();
        int id = client.register(subject, SchemaDefinition.avro(V1));
        assertThat(client.register(subject, SchemaDefinition.avro(V1))).isEqualTo(id);

        SchemaRegistryClient fresh =
                SchemaRegistryClient.fromConfig(java.util.Map.of("schema.registry.url", registry.url()));
        assertThat(fresh.lookup(subject, SchemaDefinition.avro(V1))).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.version()).isEqualTo(1);
        });
        assertThat(fresh.schemaById(id).type()).isEqualTo(SchemaType.AVRO);
        assertThat(fresh.schemaById(id).schema()).contains("\"Order\"");
        assertThat(fresh.subjects()).contains(subject);
        assertThat(fresh.versions(subject)).containsExactly(1);
        assertThat(fresh.latestVersion(subject).id()).isEqualTo(id);
        assertThat(fresh.version(subject, 1).subject()).isEqualTo(subject);
    }

    @Test
    void checksCompatibilityVerboselyAndSetsConfig(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        String subject = "compat-value";
        client.register(subject, SchemaDefinition.avro(V1));

        assertThat(client.setSubjectCompatibility(subject, CompatibilityLevel.BACKWARD))
                .isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.subjectCompatibility(subject)).contains(CompatibilityLevel.BACKWARD);

        assertThat(client.testCompatibility(subject, SchemaDefinition.avro(V2_WITH_DEFAULT))
                        .compatible())
                .isTrue();
        CompatibilityResult broken = client.testCompatibility(subject, SchemaDefinition.avro(V2_WITHOUT_DEFAULT));
        assertThat(broken.compatible()).isFalse();
        assertThat(broken.messages()).isNotEmpty();

        assertThatThrownBy(() -> client.register(subject, SchemaDefinition.avro(V2_WITHOUT_DEFAULT)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible())
                        .isTrue());
        assertThat(client.register(subject, SchemaDefinition.avro(V2_WITH_DEFAULT)))
                .isPositive();
        assertThat(client.versions(subject)).containsExactly(1, 2);
    }

    @Test
    void globalConfigRoundTrip(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        CompatibilityLevel before = client.globalCompatibility();
        try {
            assertThat(client.setGlobalCompatibility(CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
            assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        } finally {
            client.setGlobalCompatibility(before);
        }
    }

    @Test
    void registersJsonSchemasAndDeletesSubjects(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        String schema = """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Task","type":"object",\
                "properties":{"id":{"type":"string"}},"required":["id"]}""";
        int id = client.register("tasks-value", SchemaDefinition.json(schema));
        assertThat(new SchemaRegistryClient(RegistryClientConfig.of(registry.url()))
                        .schemaById(id)
                        .type())
                .isEqualTo(SchemaType.JSON);

        assertThat(client.deleteSubject("tasks-value", true)).containsExactly(1);
        assertThat(client.subjects()).doesNotContain("tasks-value");
        assertThatThrownBy(() -> client.versions("tasks-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound())
                        .isTrue());
    }

    @Test
    void anUnknownIdIsATyped404(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.url()).endsWith("/schemas/ids/987654");
                });
    }
}
