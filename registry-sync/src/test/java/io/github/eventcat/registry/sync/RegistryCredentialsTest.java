package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {
    @Test
    void serverWithUsernameIsBasicAuthAndPasswordAloneIsABearerToken() {
        assertThat(RegistryCredentials.resolve("sr", "ci", "pw", Map.of())).get()
                .isEqualTo(new RegistryCredentials.Basic("ci", "pw", "settings.xml server sr"));
        assertThat(RegistryCredentials.resolve("sr", null, "tok", Map.of())).get()
                .isEqualTo(new RegistryCredentials.Bearer("tok", "settings.xml server sr"));
    }

    @Test
    void environmentVariablesAreTheFallback() {
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of("SCHEMA_REGISTRY_USER_INFO", "u:p:w"))).get()
                .isEqualTo(new RegistryCredentials.Basic("u", "p:w", "SCHEMA_REGISTRY_USER_INFO"));
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of("SCHEMA_REGISTRY_BEARER_TOKEN", "t"))).get()
                .isEqualTo(new RegistryCredentials.Bearer("t", "SCHEMA_REGISTRY_BEARER_TOKEN"));
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of())).isEmpty();
    }

    @Test
    void noSecretInAnyToString() {
        RegistryConnection connection = new RegistryConnection(List.of("https://sr:8081"),
                Optional.of(new RegistryCredentials.Basic("ci", "hunter2", "env")),
                Optional.of(new KeyStoreSettings(Path.of("trust.p12"), Optional.of("storepass"), "PKCS12")),
                Optional.empty(), RegistryConnection.DEFAULT_TIMEOUT, 3);
        assertThat(connection.toString()).contains("ci", "trust.p12").doesNotContain("hunter2").doesNotContain("storepass");
        assertThat(new RegistryCredentials.Bearer("tok123", "env").toString()).doesNotContain("tok123");
        RegistryConnection withoutStore = RegistryConnection.of("https://sr:8081")
                .withCredentials(new RegistryCredentials.Basic("ci", "hunter2", "env"));
        assertThat(withoutStore.client().toString()).doesNotContain("hunter2");
    }
}
