package io.github.eventcat.registry.maven;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import io.github.eventcat.runtime.registry.SchemaRegistryException;

/**
 * The core's messages name no Maven property; the plugin's say which one to set. (The real-registry
 * 401 and TLS cases are in registry-core's RegistrySyncFaultsTest and RegistrySyncTlsTest, and in the
 * secrets-* ITs.)
 */
class ErrorMessagesTest {
    @Test
    void a401SaysWhereThePluginTakesCredentialsFrom() {
        SchemaRegistryException refused = new SchemaRegistryException("GET", "https://sr:8081/subjects", 401, 40101,
                "Unauthorized");

        assertThat(ErrorMessages.describe(refused)).contains("401", "the registry refused the credentials",
                "registry.serverId", "SCHEMA_REGISTRY_USER_INFO", "registry.url");
    }

    @Test
    void aTlsFailureSaysWhichStorePropertiesToSet() {
        SchemaRegistryException tls = new SchemaRegistryException("GET", "https://sr:8081/subjects", "TLS handshake",
                new SSLHandshakeException("PKIX path building failed"));

        assertThat(ErrorMessages.describe(tls)).contains("https://sr:8081/subjects", "TLS failed (PKIX path building failed)",
                "registry.trustStore", "registry.keyStore");
    }
}
