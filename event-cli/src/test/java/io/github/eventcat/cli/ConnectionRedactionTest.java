package io.github.eventcat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry URL shown in the CLI's messages hides user info; the registry client still gets it. */
class ConnectionRedactionTest {
    @Test
    void messagesShowTheRegistryUrlWithoutItsPassword() {
        Connection connection = new Connection(
                Map.of("bootstrap.servers", "b:9092", "schema.registry.url", "http://ci:s3cr3t-cli@sr1:8081"),
                Duration.ofSeconds(1));

        assertThat(connection.registryUrl()).isEqualTo("http://ci:***@sr1:8081");
        assertThat(connection.registryProperties())
                .containsEntry("schema.registry.url", "http://ci:s3cr3t-cli@sr1:8081");
    }
}
