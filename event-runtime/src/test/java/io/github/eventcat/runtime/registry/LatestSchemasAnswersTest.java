package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which answers to {@code GET /schemas?latestOnly=true} mean "not served" and how a served answer
 * is read, against a scripted stub; the real registry's answer is in LatestSchemasRealRegistryTest.
 */
class LatestSchemasAnswersTest {
    private StubRegistry stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubRegistry();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private SchemaRegistryClient client() {
        return SchemaRegistryClient.fromConfig(Map.of(
                RegistryClientConfig.URL,
                stub.url(),
                RegistryClientConfig.MAX_RETRIES,
                2,
                RegistryClientConfig.RETRIES_WAIT_MS,
                10,
                RegistryClientConfig.RETRIES_MAX_WAIT_MS,
                20));
    }

    @Test
    void readsConfluentsAnswer() {
        // As Confluent writes it: no schemaType for Avro, no references when there are none.
        stub.then(200, """
                [{"subject":"Line","version":2,"id":11,"schema":"{\\"type\\":\\"record\\",\\"name\\":\\"Line\\",\\"fields\\":[]}"},
                 {"subject":"order-value","version":1,"id":12,"schemaType":"JSON","schema":"{\\"$ref\\":\\"line.json\\"}",
                  "references":[{"name":"line.json","subject":"Line","version":2}]}]""");
        SchemaRegistryClient client = client();

        assertThat(client.latestSchemas())
                .contains(List.of(
                        new RegisteredSchema(
                                "Line",
                                2,
                                11,
                                SchemaDefinition.avro("{\"type\":\"record\",\"name\":\"Line\",\"fields\":[]}")),
                        new RegisteredSchema(
                                "order-value",
                                1,
                                12,
                                SchemaDefinition.json("{\"$ref\":\"line.json\"}")
                                        .withReferences(List.of(new SchemaReference("line.json", "Line", 2))))));
        assertThat(stub.requests())
                .extracting(StubRegistry.Request::pathAndQuery)
                .containsExactly("/schemas?latestOnly=true");
        assertThat(client.schemaById(12).type()).isEqualTo(SchemaType.JSON); // cached: no second request
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void keepsTheHighestVersionWhenTheRegistryIgnoresLatestOnly() {
        stub.then(200, """
                [{"subject":"a","version":1,"id":1,"schema":"{}"},{"subject":"a","version":3,"id":3,"schema":"{}"},
                 {"subject":"a","version":2,"id":2,"schema":"{}"}]""");

        assertThat(client().latestSchemas())
                .hasValueSatisfying(latest ->
                        assertThat(latest).extracting(RegisteredSchema::version).containsExactly(3));
    }

    @Test
    void anEmptyRegistryIsAnEmptyListNotAnUnservedEndpoint() {
        stub.then(200, "[]");

        assertThat(client().latestSchemas()).contains(List.of());
    }

    @Test
    void aRouteTheRegistryDoesNotKnowMeansNotServed() {
        stub.then(
                        404,
                        "{\"message\":\"RESTEASY003210: Could not find resource for full path: http://h/schemas\",\"error_code\":0}") // Apicurio
                .then(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}") // Confluent before the endpoint
                // existed
                .then(405, "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}")
                .then(404, "<html><body>Not Found</body></html>"); // a proxy's page
        SchemaRegistryClient client = client();

        for (int i = 0; i < 4; i++) {
            assertThat(client.latestSchemas()).as("answer %d", i + 1).isEmpty();
        }
        assertThat(stub.requests()).hasSize(4); // none retried
    }

    @Test
    void aRegistryResourceNotFoundIsAnError() {
        stub.then(404, "{\"error_code\":40401,\"message\":\"Subject not found.\"}");

        assertThatThrownBy(() -> client().latestSchemas())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(40401));
    }

    @Test
    void authenticationAndPermissionFailuresAreThrown() {
        stub.then(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}")
                .then(403, "{\"error_code\":40301,\"message\":\"User is denied operation Read\"}");
        SchemaRegistryClient client = client();

        assertThatThrownBy(client::latestSchemas)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
        assertThatThrownBy(client::latestSchemas)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status())
                        .isEqualTo(403));
    }

    @Test
    void serverErrorsAreRetriedThenThrown() {
        stub.then(503, "")
                .then(500, "{\"error_code\":50001,\"message\":\"store down\"}")
                .then(501, "{\"error_code\":501,\"message\":\"Not Implemented\"}");

        assertThatThrownBy(() -> client().latestSchemas())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status())
                        .isEqualTo(501));
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void anAnswerThatIsNotAListIsAnErrorNamingTheUrl() {
        stub.then(200, "{\"schemas\":[]}");

        assertThatThrownBy(() -> client().latestSchemas()).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.url()).isEqualTo(stub.url() + "/schemas?latestOnly=true");
            assertThat(e.getMessage()).contains("expected a JSON array of schemas", "{\"schemas\":[]}");
        });
    }
}
