package io.github.eventcat.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL user info is basic auth, given once, and shown in no message; {@link Redaction} masks it in text. */
class RegistryClientConfigSecretsTest {
    private static final String SECRET = "s3cr3t-url-Pa55";

    @Test
    void userInfoInTheUrlIsBasicAuthWithoutSettingASource() {
        RegistryClientConfig config = RegistryClientConfig.from(
                Map.of(RegistryClientConfig.URL, "http://ci:" + SECRET + "%40x@sr1:8081/apis/ccompat/v7"));

        assertThat(config.urls()).containsExactly(URI.create("http://sr1:8081/apis/ccompat/v7"));
        assertThat(config.authorizationHeader()).hasValue("Basic " + base64("ci:" + SECRET + "@x"));
        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain(base64("ci:" + SECRET + "@x"));
    }

    @Test
    void userInfoAndOtherCredentialsAreAConflictNamingNoSecret() {
        String url = "http://ci:" + SECRET + "@sr1:8081";
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of(RegistryClientConfig.URL, url, RegistryClientConfig.USER_INFO, "other:pw")))
                .hasMessageContaining("give the credentials once")
                .hasMessageContaining(RegistryClientConfig.USER_INFO)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of(RegistryClientConfig.URL, url, RegistryClientConfig.BEARER_TOKEN, "tok")))
                .hasMessageContaining(RegistryClientConfig.BEARER_TOKEN)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of(RegistryClientConfig.URL, url, RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO")))
                .hasMessageContaining("basic.auth.credentials.source=URL")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> RegistryClientConfig.from(
                        Map.of(RegistryClientConfig.URL, url + ",http://ci:other-" + SECRET + "@sr2:8081")))
                .hasMessageContaining("different user info")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aUrlThatDoesNotParseIsNotEchoed() {
        for (String bad : new String[] {
            "http://ci:" + SECRET + " x@sr1:8081", "ci:" + SECRET + "@sr1:8081", "http://ci:" + SECRET + "@x@sr1:8081"
        }) {
            assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(RegistryClientConfig.URL, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RegistryClientConfig.URL)
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void redactionMasksUserInfoInAnyText() {
        assertThat(Redaction.url("Syncing to [http://ci:" + SECRET + "@sr1:8081/x, https://tok@sr2/y]: done"))
                .isEqualTo("Syncing to [http://ci:***@sr1:8081/x, https://***@sr2/y]: done");
        assertThat(Redaction.url("http://ci:a@b@sr1")).isEqualTo("http://ci:***@sr1");
        assertThat(Redaction.url("http://a:b@h1,http://c:d@h2")).isEqualTo("http://a:***@h1,http://c:***@h2");
        assertThat(Redaction.url("mail me@example.com at http://sr1/x@y"))
                .isEqualTo("mail me@example.com at http://sr1/x@y");
        assertThat(Redaction.url(null)).isNull();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
