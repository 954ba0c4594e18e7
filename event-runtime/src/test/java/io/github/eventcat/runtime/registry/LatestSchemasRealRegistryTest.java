package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaRegistryClient#latestSchemas()} against the real registry: Apicurio 2.4.2 does not
 * serve {@code GET /schemas} (404, RESTEasy's "Could not find resource"), so the answer is empty,
 * after one request. The Confluent-shaped answer is read in registry-sync's tests, from the real
 * registry's data behind a facade serving the endpoint.
 */
@WithRealServers
class LatestSchemasRealRegistryTest {
    @Test
    void apicurioDoesNotServeTheBulkReadAndTheClientSaysSoAfterOneRequest(EmbeddedSchemaRegistry registry) {
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(
                Map.of(RegistryClientConfig.URL, registry.url(), RegistryClientConfig.MAX_RETRIES, 3));
        client.register("bulk-value", SchemaDefinition.avro("{\"type\":\"record\",\"name\":\"Bulk\",\"fields\":[]}"));
        long before = client.requestCount();

        assertThat(client.latestSchemas()).isEmpty();
        assertThat(client.requestCount() - before).isEqualTo(1); // a 404 is an answer, not a failure to retry
        assertThat(client.subjects()).contains("bulk-value"); // the registry is fine otherwise
    }
}
