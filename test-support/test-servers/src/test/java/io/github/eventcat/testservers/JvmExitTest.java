package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that used the shared servers and exits leaves no registry process and no broker folder behind. */
class JvmExitTest {

    @Test
    void shutdownHooksStopTheSharedServersWhenTheJvmExits() throws Exception {
        Process jvm = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-D" + RegistryServerLocator.PROPERTY + "="
                                + System.getProperty(RegistryServerLocator.PROPERTY, ""),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SharedServersMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        // Read the output on the side so that a child that never exits fails this test instead of hanging it.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(jvm.getInputStream()));
        boolean exited = jvm.waitFor(StartTimeouts.startTimeout().toSeconds() * 2, TimeUnit.SECONDS);
        if (!exited) {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly().waitFor();
        }
        assertThat(exited)
                .as("the JVM using the shared servers exited by itself:\n%s", output.get())
                .isTrue();
        assertThat(jvm.exitValue()).as(output.get()).isZero();

        Map<String, String> reported = new HashMap<>();
        output.get()
                .lines()
                .filter(line -> line.matches("[a-z-]+=.*"))
                .forEach(line ->
                        reported.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertThat(reported).as(output.get()).containsKeys("registry-pid", "kafka-log-directory");

        Optional<ProcessHandle> registry = ProcessHandle.of(Long.parseLong(reported.get("registry-pid")));
        assertThat(registry.filter(ProcessHandle::isAlive))
                .as("registry process after the JVM exited")
                .isEmpty();
        assertThat(Path.of(reported.get("kafka-log-directory"))).doesNotExist();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
