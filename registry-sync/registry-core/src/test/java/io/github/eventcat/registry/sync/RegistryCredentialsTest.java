package io.github.eventcat.registry.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {
    @Test
    void serverWithUsernameIsBasicAuthAndPasswordAloneIsABearerToken() {
        assertThat(RegistryCredentials.resolve("sr", "ci", "pw", Map.of()))
                .get()
                .isEqualTo(new RegistryCredentials.Basic("ci", "pw", "settings.xml server sr"));
        assertThat(RegistryCredentials.resolve("sr", null, "tok", Map.of()))
                .get()
                .isEqualTo(new RegistryCredentials.Bearer("tok", "settings.xml server sr"));
    }

    @Test
    void environmentVariablesAreTheFallback() {
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of("SCHEMA_REGISTRY_USER_INFO", "u:p:w")))
                .get()
                .isEqualTo(new RegistryCredentials.Basic("u", "p:w", "SCHEMA_REGISTRY_USER_INFO"));
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of("SCHEMA_REGISTRY_BEARER_TOKEN", "t")))
                .get()
                .isEqualTo(new RegistryCredentials.Bearer("t", "SCHEMA_REGISTRY_BEARER_TOKEN"));
        assertThat(RegistryCredentials.resolve(null, null, null, Map.of())).isEmpty();
    }

    @Test
    void noSecretInAnyToString() {
        RegistryConnection connection = new RegistryConnection(
                List.of("https://sr:8081"),
                Optional.of(new RegistryCredentials.Basic("ci", "hunter2", "env")),
                Optional.of(new KeyStoreSettings(Path.of("trust.p12"), Optional.of("storepass"), "PKCS12")),
                Optional.empty(),
                RegistryConnection.DEFAULT_TIMEOUT,
                3);
        assertThat(connection.toString())
                .contains("ci", "trust.p12")
                .doesNotContain("hunter2")
                .doesNotContain("storepass");
        assertThat(new RegistryCredentials.Bearer("tok123", "env").toString()).doesNotContain("tok123");
        RegistryConnection withoutStore = RegistryConnection.of("https://sr:8081")
                .withCredentials(new RegistryCredentials.Basic("ci", "hunter2", "env"));
        assertThat(withoutStore.client().toString()).doesNotContain("hunter2");
    }

    @Test
    void urlUserInfoBecomesBasicAuthAndLeavesTheUrls() {
        RegistryConnection connection = RegistryConnection.of("https://ci:pa%40ss%3Aword@sr1:8081/apis/ccompat/v7");

        assertThat(connection.urls()).containsExactly("https://sr1:8081/apis/ccompat/v7");
        assertThat(connection.credentials())
                .hasValue(new RegistryCredentials.Basic("ci", "pa@ss:word", RegistryConnection.URL_USER_INFO));
        assertThat(connection.toString()).doesNotContain("pa%40ss").doesNotContain("pa@ss");
        assertThat(connection.withTimeout(java.time.Duration.ofSeconds(1), 0).credentials())
                .isEqualTo(connection.credentials());
    }

    @Test
    void urlUserInfoProblemsAreClearErrorsNamingNoSecret() {
        assertThatThrownBy(() -> new RegistryConnection(
                        List.of("https://ci:hunter2@sr1:8081"),
                        Optional.of(new RegistryCredentials.Bearer("tok", "SCHEMA_REGISTRY_BEARER_TOKEN")),
                        Optional.empty(),
                        Optional.empty(),
                        RegistryConnection.DEFAULT_TIMEOUT,
                        0))
                .hasMessageContaining("credentials from SCHEMA_REGISTRY_BEARER_TOKEN too")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RegistryConnection.of("https://hunter2@sr1:8081"))
                .hasMessageContaining("user info without a password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new RegistryConnection(
                        List.of("https://ci:hunter2@sr1:8081", "https://ci:hunter3@sr2:8081"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        RegistryConnection.DEFAULT_TIMEOUT,
                        0))
                .hasMessageContaining("different user info")
                .hasMessageNotContaining("hunter");
        assertThatThrownBy(() -> RegistryConnection.of("https://ci:hun ter2@sr1:8081"))
                .hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("ter2");
        assertThatThrownBy(() -> RegistryConnection.of("ci:hunter2@sr1:8081"))
                .hasMessageContaining("not an http(s) URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aSyncRequestShowsKafkaPropertyNamesOnly() {
        SyncRequest request = new SyncRequest(
                RegistryConnection.of("https://ci:hunter2@sr1:8081"),
                Path.of("catalog"),
                1,
                false,
                false,
                Optional.of(Map.of(
                        "bootstrap.servers",
                        "b:9092",
                        "sasl.jaas.config",
                        "PlainLoginModule required username=\"u\" password=\"kafka-pw\";")));

        assertThat(request.toString())
                .contains("sasl.jaas.config", "basic auth as ci")
                .doesNotContain("kafka-pw")
                .doesNotContain("hunter2");
        assertThat(new CheckRequest(request.connection(), Path.of("c"), 1, false).toString())
                .doesNotContain("hunter2");
        assertThat(new PullRequest(request.connection(), java.util.regex.Pattern.compile(".*"), Path.of("c"))
                        .toString())
                .doesNotContain("hunter2");
    }
}
