package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.JsonSchemaDeserializer;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import io.github.eventcat.runtime.serde.SchemaFetchException;
import io.github.eventcat.runtime.serde.WireFormat;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §2: only the registry's own "schema not found" (40403) makes a record poison; every
 * other failure to fetch its writer schema is the infrastructure's (consumers pause, never
 * dead-letter). The real-server side is InfrastructureFailureRealServersTest.
 */
class DeserializerFailureClassificationTest {
    private static final byte[] RECORD = WireFormat.frame(42, new byte[] {2, 'a'});
    private StubRegistry stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubRegistry();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private SchemaRegistryClient client(String url) {
        return SchemaRegistryClient.fromConfig(
                Map.of(RegistryClientConfig.URL, url, RegistryClientConfig.MAX_RETRIES, 0));
    }

    private void bothDeserializers(String url, java.util.function.Consumer<Deserializer<Object>> check) {
        check.accept(new AvroDeserializer<>(client(url), Map.of()));
        check.accept(new JsonSchemaDeserializer<>(client(url), Map.of()));
    }

    @Test
    void theRegistrysOwnSchemaNotFoundMakesThePoison() {
        bothDeserializers(stub.url(), deserializer -> {
            stub.then(404, "{\"error_code\":40403,\"message\":\"No content with id/hash 'contentId-42' was found.\"}");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                    .isInstanceOfSatisfying(
                            PoisonRecordException.class, e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                    .isEqualTo(PoisonRecordException.Reason.UNKNOWN_SCHEMA_ID));
        });
    }

    @Test
    void aRouteNotFoundIsAWrongUrlNotAnUnknownId() {
        bothDeserializers(stub.url(), deserializer -> {
            // Apicurio's answer at a wrong path (RESTEasy), and a proxy's page without any error code.
            stub.then(404, "{\"message\":\"RESTEASY003210: Could not find resource for full path\",\"error_code\":0}");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                    .isInstanceOf(SchemaFetchException.class)
                    .hasMessageContaining(stub.url())
                    .hasMessageContaining("the URL path looks wrong");
            stub.then(404, "<html>Not Found</html>");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD)).isInstanceOf(SchemaFetchException.class);
            // Another service's JSON at a wrong path is no schema either, and not a broken one.
            stub.then(200, "{\"status\":\"UP\"}");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                    .isInstanceOf(SchemaFetchException.class)
                    .hasMessageContaining("no \"schema\"");
        });
    }

    @Test
    void authAndServerFailuresAreTheInfrastructures() {
        bothDeserializers(stub.url(), deserializer -> {
            stub.then(401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                    .isInstanceOf(SchemaFetchException.class)
                    .hasMessageContaining("credentials");
            stub.then(403, "{\"error_code\":40301,\"message\":\"Forbidden\"}");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD)).isInstanceOf(SchemaFetchException.class);
            stub.then(503, "");
            assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                    .isInstanceOf(SchemaFetchException.class)
                    .hasMessageContaining("the registry failed");
        });
    }

    @Test
    void aRegistryThatDoesNotAnswerIsTheInfrastructures() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        bothDeserializers(url, deserializer -> assertThatThrownBy(() -> deserializer.deserialize("t", RECORD))
                .isInstanceOf(SchemaFetchException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("running and reachable"));
    }
}
