package io.github.eventcat.registry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka client secrets never pass through a plugin parameter (mvn -X prints those). */
class KafkaClientPropertiesTest {
    private static final String SECRET = "k4fka-S3cret-91";

    @TempDir
    Path temp;

    @Test
    void kafkasPasswordSettingsAndRegistryUserInfoAreSecrets() {
        assertThat(Map.of(
                        "sasl.jaas.config",
                        true,
                        "ssl.keystore.password",
                        true,
                        "ssl.key.password",
                        true,
                        "ssl.truststore.password",
                        true,
                        "ssl.keystore.key",
                        true,
                        "basic.auth.user.info",
                        true,
                        "security.protocol",
                        false,
                        "sasl.mechanism",
                        false,
                        "ssl.truststore.location",
                        false,
                        "bootstrap.servers",
                        false))
                .allSatisfy((key, secret) ->
                        assertThat(KafkaClientProperties.isSecret(key)).as(key).isEqualTo(secret));
    }

    @Test
    void aSecretInKafkaPropertiesIsRefusedNamingTheKeyNotTheValue() {
        assertThatThrownBy(() -> KafkaClientProperties.merge(
                        null,
                        Map.of(
                                "security.protocol",
                                "SASL_SSL",
                                "sasl.jaas.config",
                                "PlainLoginModule required password=\"" + SECRET + "\";",
                                "ssl.key.password",
                                SECRET),
                        "broker:9092"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(
                        "<kafkaProperties> has sasl.jaas.config, ssl.key.password: a secret does not belong")
                .hasMessageContaining("-Dregistry.kafkaConfigFile=<file>")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void theFileIsReadWhenTheGoalRunsAndParametersOverrideIt() throws Exception {
        Path file = temp.resolve("client.properties");
        Files.writeString(
                file,
                "bootstrap.servers=from-file:9092\nsecurity.protocol=SASL_SSL\n"
                        + "sasl.jaas.config=PlainLoginModule required password=\"" + SECRET + "\";\n",
                StandardCharsets.ISO_8859_1);

        Map<String, String> merged =
                KafkaClientProperties.merge(file.toFile(), Map.of("client.id", "ci"), "broker:9092");

        assertThat(merged)
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.id", "ci")
                .containsEntry("sasl.jaas.config", "PlainLoginModule required password=\"" + SECRET + "\";");
    }

    @Test
    void aMissingFileSaysWhatToGive() {
        assertThatThrownBy(() -> KafkaClientProperties.merge(
                        temp.resolve("nope.properties").toFile(), null, null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("registry.kafkaConfigFile=")
                .hasMessageContaining("is not a file");
    }
}
