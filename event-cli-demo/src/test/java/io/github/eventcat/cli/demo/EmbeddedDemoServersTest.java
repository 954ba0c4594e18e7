package io.github.eventcat.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.cli.DemoServers;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** event-cli's demo command finds these servers when this artifact is on the class path. */
class EmbeddedDemoServersTest {
    @Test
    void theDemoCommandFindsTheEmbeddedServers() {
        assertThat(ServiceLoader.load(DemoServers.class).findFirst()).get().isInstanceOf(EmbeddedDemoServers.class);
    }
}
