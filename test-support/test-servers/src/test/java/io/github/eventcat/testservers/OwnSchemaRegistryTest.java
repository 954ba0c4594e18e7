package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A registry of one's own: a second child JVM, gone after close. */
class OwnSchemaRegistryTest {

    @Test
    void answersOnItsOwnPortAndLeavesNoProcessBehindAfterClose() throws Exception {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        ProcessHandle process = registry.process();
        List<ProcessHandle> descendants;
        try {
            descendants = process.descendants().toList();
            assertThat(new RegistryHttp(registry.url()).get("/subjects").status())
                    .isEqualTo(200);
            assertThat(registry.logFile()).exists();
            assertThat(registry.logFile().getFileName().toString())
                    .isEqualTo("schema-registry-" + registry.port() + ".log");
        } finally {
            registry.close();
        }

        assertThat(process.isAlive()).isFalse();
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().children()).noneMatch(child -> child.pid() == process.pid());
        // Closing twice is harmless.
        registry.close();
        assertThat(process.onExit().get().isAlive()).isFalse();
    }
}
