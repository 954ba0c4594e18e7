package io.github.eventcat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.SecuredKafka;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish and consume against a broker that only speaks SASL_SSL + SCRAM-SHA-256 with ACLs, the
 * security settings in a {@code --config} properties file; a wrong password and an untrusted
 * certificate each end in one message naming what to check, and no secret is printed.
 */
class EventCliSaslSslTest {
    private static final String CATALOG = "../generated-example/src/main/catalog";
    private static final String USER =
            "{\"userId\":\"5b7d3a52-5a8e-4c61-9f8a-1d2b3c4d5e6f\",\"email\":\"cy@example.com\","
                    + "\"name\":\"Cy\",\"created_at\":\"2024-05-01T10:15:30Z\"}";

    private static SecuredKafka kafka;
    private static EmbeddedSchemaRegistry registry;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.shared();
        registry.reset();
        kafka = SecuredKafka.builder().user("cli").acls().start();
        kafka.createTopic("user.created", 1);
        kafka.allow(
                "cli",
                ResourceType.TOPIC,
                "user.created",
                AclOperation.WRITE,
                AclOperation.READ,
                AclOperation.DESCRIBE);
        kafka.allow("cli", ResourceType.GROUP, "cli-readers", AclOperation.READ);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Path configFile(String name, Map<String, Object> kafkaConfig) throws IOException {
        Properties properties = new Properties();
        kafkaConfig.forEach((key, value) -> properties.setProperty(key, value.toString()));
        properties.setProperty("schema.registry.url", registry.url());
        Path file = folder.resolve(name + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static void assertNoSecretIn(CliRun run) {
        for (String secret : List.of(kafka.password("cli"), kafka.truststorePassword(), "not-the-password-9")) {
            assertThat(run.stdout() + run.stderr())
                    .as("CLI output contains a secret")
                    .doesNotContain(secret);
        }
    }

    @Test
    void publishesAndConsumesBackWithTheSecuritySettingsOfAConfigFile() throws IOException {
        Path config = configFile("cli", kafka.clientConfig("cli"));

        CliRun publish = CliRun.run(
                USER + "\n",
                Map.of(),
                "publish",
                "--config",
                config.toString(),
                "--catalog",
                CATALOG,
                "--topic",
                "user.created",
                "--event",
                "UserCreated",
                "--auto-register");
        CliRun consume = CliRun.run(
                "",
                Map.of(),
                "consume",
                "--config",
                config.toString(),
                "--topic",
                "user.created",
                "--from-beginning",
                "--group",
                "cli-readers",
                "--max-messages",
                "1",
                "--timeout",
                "30s");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        JsonNode line = new ObjectMapper().readTree(consume.stdoutLines().get(0));
        assertThat(line.path("value").path("email").asText()).isEqualTo("cy@example.com");
        assertNoSecretIn(publish);
        assertNoSecretIn(consume);
    }

    @Test
    void aWrongPasswordEndsInOneMessageNamingTheUserAndTheSetting() throws IOException {
        Path config = configFile("wrong-password", kafka.clientConfig("cli", "not-the-password-9"));

        CliRun publish = CliRun.run(
                USER + "\n",
                Map.of(),
                "publish",
                "--config",
                config.toString(),
                "--catalog",
                CATALOG,
                "--topic",
                "user.created",
                "--event",
                "UserCreated",
                "--auto-register");

        assertThat(publish.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(publish.stderr())
                .contains("Kafka at " + kafka.bootstrapServers() + " rejected the SASL login of user"
                        + " 'cli' with SCRAM-SHA-256: check the username and password in sasl.jaas.config");
        assertNoSecretIn(publish);
    }

    @Test
    void anUntrustedCertificateEndsInOneMessageNamingTheTruststore() throws IOException {
        Map<String, Object> settings = new java.util.HashMap<>(kafka.clientConfig("cli"));
        settings.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
        Path config = configFile("no-truststore", settings);

        CliRun consume = CliRun.run(
                "",
                Map.of(),
                "consume",
                "--config",
                config.toString(),
                "--topic",
                "user.created",
                "--from-beginning",
                "--max-messages",
                "1",
                "--timeout",
                "10s");

        assertThat(consume.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(consume.stderr())
                .contains(
                        "The TLS handshake with Kafka at " + kafka.bootstrapServers()
                                + " failed: the broker's certificate is not trusted. Check that ssl.truststore.location holds the CA");
        assertNoSecretIn(consume);
    }
}
