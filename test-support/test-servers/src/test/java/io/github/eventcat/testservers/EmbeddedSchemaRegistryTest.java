package io.github.eventcat.testservers;

import static io.github.eventcat.testservers.RegistryHttp.schemaRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithRealServers
class EmbeddedSchemaRegistryTest {
    private static final String TICKET_OPENED_V1 = """
            {"type":"record","name":"TicketOpened","namespace":"com.example.repairshop",
             "fields":[{"name":"ticket_id","type":"string"},{"name":"title","type":"string"}]}""";
    /** Adds a field with a default: readers of v2 can read v1 data (BACKWARD). */
    private static final String TICKET_OPENED_V2_COMPATIBLE = """
            {"type":"record","name":"TicketOpened","namespace":"com.example.repairshop",
             "fields":[{"name":"ticket_id","type":"string"},{"name":"title","type":"string"},
                       {"name":"priority","type":"int","default":0}]}""";
    /** Adds a field without a default: readers of this schema cannot read v1 data. */
    private static final String TICKET_OPENED_V2_INCOMPATIBLE = """
            {"type":"record","name":"TicketOpened","namespace":"com.example.repairshop",
             "fields":[{"name":"ticket_id","type":"string"},{"name":"title","type":"string"},
                       {"name":"priority","type":"int"}]}""";

    private static final String TASK_EVENT = """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"TaskEvent","type":"object",
             "properties":{"user_id":{"type":"string"},"done":{"type":"boolean"}},"required":["user_id"]}""";

    @Test
    void registersAvroAndJsonSchemasAndReadsThemBackById(EmbeddedSchemaRegistry registry) throws Exception {
        RegistryHttp http = new RegistryHttp(registry.url());

        RegistryHttp.Answer avro = http.post("/subjects/tickets-value/versions", schemaRequest(null, TICKET_OPENED_V1));
        RegistryHttp.Answer json = http.post("/subjects/task-events-value/versions", schemaRequest("JSON", TASK_EVENT));
        assertThat(avro.status()).as(avro.body().toString()).isEqualTo(200);
        assertThat(json.status()).as(json.body().toString()).isEqualTo(200);
        int avroId = avro.body().get("id").asInt();
        int jsonId = json.body().get("id").asInt();
        assertThat(avroId).isNotEqualTo(jsonId);

        RegistryHttp.Answer avroById = http.get("/schemas/ids/" + avroId);
        RegistryHttp.Answer jsonById = http.get("/schemas/ids/" + jsonId);
        assertThat(avroById.status()).isEqualTo(200);
        assertThat(sameJson(avroById.body().get("schema").asText(), TICKET_OPENED_V1))
                .isTrue();
        assertThat(jsonById.status()).isEqualTo(200);
        assertThat(jsonById.body().get("schemaType").asText()).isEqualTo("JSON");
        assertThat(sameJson(jsonById.body().get("schema").asText(), TASK_EVENT)).isTrue();

        assertThat(textsOf(http.get("/subjects").body()))
                .containsExactlyInAnyOrder("tickets-value", "task-events-value");
    }

    @Test
    void setsASubjectsCompatibilityAndGivesVerboseVerdicts(EmbeddedSchemaRegistry registry) throws Exception {
        RegistryHttp http = new RegistryHttp(registry.url());
        assertThat(http.post("/subjects/compat-tickets-value/versions", schemaRequest(null, TICKET_OPENED_V1))
                        .status())
                .isEqualTo(200);

        RegistryHttp.Answer set = http.put(
                "/config/compat-tickets-value",
                RegistryHttp.JSON.createObjectNode().put("compatibility", "BACKWARD"));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(http.get("/config/compat-tickets-value")
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD");

        RegistryHttp.Answer compatible = http.post(
                "/compatibility/subjects/compat-tickets-value/versions/latest?verbose=true",
                schemaRequest(null, TICKET_OPENED_V2_COMPATIBLE));
        RegistryHttp.Answer incompatible = http.post(
                "/compatibility/subjects/compat-tickets-value/versions/latest?verbose=true",
                schemaRequest(null, TICKET_OPENED_V2_INCOMPATIBLE));

        assertThat(compatible.status()).as(compatible.body().toString()).isEqualTo(200);
        assertThat(compatible.body().get("is_compatible").asBoolean()).isTrue();
        assertThat(incompatible.status()).as(incompatible.body().toString()).isEqualTo(200);
        assertThat(incompatible.body().get("is_compatible").asBoolean()).isFalse();
        // Apicurio explains in "reason", Confluent in "messages": either way the verdict says why.
        assertThat(verboseExplanation(incompatible.body())).contains("priority");
    }

    @Test
    void resetDeletesEverySubject(EmbeddedSchemaRegistry registry) throws Exception {
        RegistryHttp http = new RegistryHttp(registry.url());
        assertThat(http.post("/subjects/reset-me-value/versions", schemaRequest(null, TICKET_OPENED_V1))
                        .status())
                .isEqualTo(200);
        assertThat(registry.subjects()).contains("reset-me-value");

        registry.reset();

        assertThat(registry.subjects()).isEmpty();
        assertThat(http.get("/subjects/reset-me-value/versions").status()).isEqualTo(404);
        RegistryHttp.Answer again =
                http.post("/subjects/reset-me-value/versions", schemaRequest(null, TICKET_OPENED_V1));
        assertThat(again.status()).isEqualTo(200);
        assertThat(http.get("/subjects/reset-me-value/versions").body().toString())
                .isEqualTo("[1]");
    }

    @Test
    void resetAlsoDeletesSoftDeletedSubjects(EmbeddedSchemaRegistry registry) throws Exception {
        RegistryHttp http = new RegistryHttp(registry.url());
        assertThat(http.post("/subjects/soft-deleted-value/versions", schemaRequest(null, TICKET_OPENED_V1))
                        .status())
                .isEqualTo(200);
        assertThat(http.delete("/subjects/soft-deleted-value").status()).isEqualTo(200);
        assertThat(registry.subjects(true)).contains("soft-deleted-value");

        registry.reset();

        assertThat(registry.subjects(true)).isEmpty();
        // Registering the subject again is a plain first version, not a clash with a soft-deleted subject.
        assertThat(http.post("/subjects/soft-deleted-value/versions", schemaRequest(null, TICKET_OPENED_V1))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/subjects/soft-deleted-value/versions").body().toString())
                .isEqualTo("[1]");
        registry.reset();
    }

    @Test
    void resetPutsTheGlobalCompatibilityBackToTheDefault(EmbeddedSchemaRegistry registry) throws Exception {
        RegistryHttp http = new RegistryHttp(registry.url());
        RegistryHttp.Answer set =
                http.put("/config", RegistryHttp.JSON.createObjectNode().put("compatibility", "FULL"));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("FULL");

        registry.reset();

        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("NONE");
    }

    @Test
    void sharedRegistryIsOnePerJvmAndCloseLeavesItRunning(EmbeddedSchemaRegistry registry) throws Exception {
        EmbeddedSchemaRegistry.shared().close();

        assertThat(EmbeddedSchemaRegistry.shared()).isSameAs(registry);
        assertThat(registry.process().isAlive()).isTrue();
        assertThat(new RegistryHttp(registry.url()).get("/subjects").status()).isEqualTo(200);
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
        assertThat(registry.logFile()).exists();
    }

    private static boolean sameJson(String actual, String expected) throws Exception {
        return RegistryHttp.JSON.readTree(actual).equals(RegistryHttp.JSON.readTree(expected));
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String verboseExplanation(JsonNode verdict) {
        return verdict.has("reason")
                ? verdict.get("reason").asText()
                : verdict.path("messages").toString();
    }
}
