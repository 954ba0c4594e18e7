package io.github.eventcat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * event-cli's own jar carries no embedded servers (they come from event-cli-demo): without them,
 * {@code demo} says where to get them instead of failing on a missing class.
 */
class DemoWithoutServersTest {
    @Test
    void demoWithoutTheDemoArtifactSaysWhereToGetIt() {
        CliRun run = CliRun.run("", Map.of(), "demo", "--catalog", "../generated-example/src/main/catalog");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("eventcat-demo.jar").contains("event-cli-demo");
    }
}
