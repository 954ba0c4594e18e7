package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's error handling against a scripted stub; the real-registry round trip is in SchemaRegistryClientRealRegistryTest. */
class SchemaRegistryClientErrorHandlingTest {
    private static final String AVRO = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
    private StubRegistry stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubRegistry();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private SchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                RegistryClientConfig.URL, stub.url(),
                RegistryClientConfig.RETRIES_WAIT_MS, 10,
                RegistryClientConfig.RETRIES_MAX_WAIT_MS, 40));
        config.putAll(extra);
        return SchemaRegistryClient.fromConfig(config);
    }

    @Test
    void retries5xxThenSucceeds() {
        stub.then(503, "")
                .then(500, "{\"error_code\":50001,\"message\":\"store busy\"}")
                .then(200, "{\"id\":7}");
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.register("orders-value", SchemaDefinition.avro(AVRO))).isEqualTo(7);
        assertThat(stub.requests()).hasSize(3);
        assertThat(client.requestCount()).isEqualTo(3);
    }

    @Test
    void gives5xxUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 5; i++) {
            stub.then(500, "{\"error_code\":50001,\"message\":\"store down\"}");
        }
        SchemaRegistryClient client = client(Map.of(RegistryClientConfig.MAX_RETRIES, 2));

        assertThatThrownBy(() -> client.subjects()).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.errorCode()).isEqualTo(50001);
            assertThat(e.registryMessage()).isEqualTo("store down");
            assertThat(e.isRetryable()).isTrue();
        });
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void doesNotRetry4xxAndCarriesTheFacts() {
        stub.then(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}");
        SchemaRegistryClient client = client(Map.of(RegistryClientConfig.USER_INFO, "alice:s3cret"));

        assertThatThrownBy(() -> client.register("orders-value", SchemaDefinition.avro("{nope")))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.url()).isEqualTo(stub.url() + "/subjects/orders-value/versions");
                    assertThat(e.getMessage())
                            .contains("HTTP 422", "42201", "Invalid schema", "/subjects/orders-value/versions")
                            .doesNotContain("s3cret")
                            .doesNotContain("alice");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void retriesATimeoutThenSucceeds() {
        stub.thenSlow(1_500, 200, "[\"late\"]").then(200, "[\"a\",\"b\"]");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(stub.url())
                .withRequestTimeout(Duration.ofMillis(300))
                .withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))));

        assertThat(client.subjects()).containsExactly("a", "b");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aTimeoutWithoutRetriesIsATypedFailureWithoutStatus() {
        stub.thenSlow(1_500, 200, "[]");
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(stub.url())
                .withRequestTimeout(Duration.ofMillis(200))
                .withRetryPolicy(RetryPolicy.none()));

        assertThatThrownBy(client::subjects).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("no answer within 200 ms", "GET " + stub.url() + "/subjects");
        });
    }

    @Test
    void failsOverToTheNextUrlWhenTheFirstRefusesConnections() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        stub.then(200, "[\"x\"]");
        SchemaRegistryClient client =
                client(Map.of(RegistryClientConfig.URL, "http://127.0.0.1:" + closedPort + "," + stub.url()));

        assertThat(client.subjects()).containsExactly("x");
        assertThat(client.requestCount()).isEqualTo(2);
    }

    @Test
    void connectionRefusedEverywhereIsATypedFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(Map.of(
                RegistryClientConfig.URL,
                "http://127.0.0.1:" + closedPort,
                RegistryClientConfig.MAX_RETRIES,
                1,
                RegistryClientConfig.RETRIES_WAIT_MS,
                1));

        assertThatThrownBy(client::subjects).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("connection refused");
        });
        assertThat(client.requestCount()).isEqualTo(2);
    }

    @Test
    void sendsTheSchemaRegistryContentTypeAndBasicAuth() {
        stub.then(200, "[]").then(200, "{\"compatibilityLevel\":\"BACKWARD\"}");
        SchemaRegistryClient client = client(Map.of(RegistryClientConfig.USER_INFO, "alice:s3cret"));

        client.subjects();
        client.globalCompatibility();

        assertThat(stub.requests()).allSatisfy(request -> {
            assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(request.header("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void sendsABearerToken() {
        stub.then(200, "[]");
        client(Map.of(RegistryClientConfig.BEARER_TOKEN, "tok-123")).subjects();
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void takesCredentialsFromTheUrlWhenAskedAndNeverShowsThem() {
        stub.then(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
        String url = stub.url().replace("http://", "http://bob:pw%40x@");
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(
                Map.of(RegistryClientConfig.URL, url, RegistryClientConfig.CREDENTIALS_SOURCE, "URL"));

        assertThatThrownBy(() -> client.versions("x")).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
            assertThat(e.getMessage()).doesNotContain("bob").doesNotContain("pw");
        });
        assertThat(stub.requests().get(0).header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("bob:pw@x".getBytes(StandardCharsets.UTF_8)));
        assertThat(client.config().toString()).doesNotContain("bob").doesNotContain("pw");
    }

    @Test
    void readsConfluentsVerboseCompatibilityAnswer() {
        stub.then(
                200,
                "{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE: b\",\"{oldSchemaVersion: 1}\"]}");
        CompatibilityResult result = client(Map.of()).testCompatibility("s", SchemaDefinition.avro(AVRO));

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("READER_FIELD_MISSING_DEFAULT_VALUE: b", "{oldSchemaVersion: 1}");
        assertThat(stub.requests().get(0).pathAndQuery())
                .isEqualTo("/compatibility/subjects/s/versions/latest?verbose=true");
    }

    @Test
    void readsApicuriosVerboseCompatibilityAnswer() {
        stub.then(200, "{\"is_compatible\":false,\"reason\":\"Incompatible schema: field b has no default\"}");
        CompatibilityResult result = client(Map.of()).testCompatibilityWithAll("s", SchemaDefinition.avro(AVRO));

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("Incompatible schema: field b has no default");
        assertThat(stub.requests().get(0).pathAndQuery()).isEqualTo("/compatibility/subjects/s/versions?verbose=true");
    }

    @Test
    void subjectWithoutItsOwnConfigIsEmptyOnConfluentAndTheGlobalLevelOnApicurio() {
        stub.then(
                        404,
                        "{\"error_code\":40408,\"message\":\"Subject 's' does not have subject-level compatibility configured\"}")
                .then(200, "{\"compatibilityLevel\":\"NONE\"}");
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.subjectCompatibility("s")).isEmpty();
        assertThat(client.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
    }

    @Test
    void readsBothConfigAnswerKeys() {
        stub.then(200, "{\"compatibility\":\"FULL_TRANSITIVE\"}").then(200, "{\"compatibilityLevel\":\"FORWARD\"}");
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.setSubjectCompatibility("s", CompatibilityLevel.FULL_TRANSITIVE))
                .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(stub.requests().get(0).body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FORWARD);
    }

    @Test
    void incompatibleRegistrationIsRecognisedWithEitherErrorCode() {
        stub.then(409, "{\"error_code\":40901,\"message\":\"Schema being registered is incompatible\"}")
                .then(409, "{\"error_code\":0,\"message\":\"Incompatible artifact\"}");
        SchemaRegistryClient client = client(Map.of());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.register("s", SchemaDefinition.avro(AVRO)))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible())
                            .isTrue());
        }
    }

    @Test
    void lookupOfAnUnknownSchemaOrSubjectIsEmpty() {
        stub.then(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}")
                .then(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.lookup("s", SchemaDefinition.avro(AVRO))).isEmpty();
        assertThat(client.lookup("t", SchemaDefinition.avro(AVRO))).isEmpty();
    }

    @Test
    void cachesSchemasByIdAndIdsBySubjectAndSchema() {
        stub.then(200, "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}").then(200, "{\"id\":3}");
        SchemaRegistryClient client = client(Map.of());

        SchemaDefinition byId = client.schemaById(3);
        assertThat(byId).isEqualTo(SchemaDefinition.avro("{\"type\":\"string\"}"));
        assertThat(client.schemaById(3)).isSameAs(byId);
        assertThat(client.register("s", SchemaDefinition.json("{}"))).isEqualTo(3);
        assertThat(client.register("s", SchemaDefinition.json("{}"))).isEqualTo(3);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void sendsReferencesAndSchemaType() {
        stub.then(200, "{\"id\":11}");
        SchemaDefinition schema = SchemaDefinition.json("{\"$ref\":\"address.json\"}")
                .withReferences(List.of(new SchemaReference("address.json", "address", 2)));

        client(Map.of()).register("person/value", schema, true);

        StubRegistry.Request request = stub.requests().get(0);
        assertThat(request.pathAndQuery()).isEqualTo("/subjects/person%2Fvalue/versions?normalize=true");
        assertThat(request.body())
                .isEqualTo("{\"schema\":\"{\\\"$ref\\\":\\\"address.json\\\"}\",\"schemaType\":\"JSON\","
                        + "\"references\":[{\"name\":\"address.json\",\"subject\":\"address\",\"version\":2}]}");
    }

    @Test
    void rejectsAMissingUrlWithAHint() {
        assertThatThrownBy(() -> RegistryClientConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url is not set");
    }
}
