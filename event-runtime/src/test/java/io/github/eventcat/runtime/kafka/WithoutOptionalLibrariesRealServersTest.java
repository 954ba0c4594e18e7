package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: Micrometer and OpenTelemetry are optional. A producer and a consumer run on the real
 * servers in a class loader whose class path lacks both (the test class path minus their jars, over
 * the platform loader, so nothing leaks in from the test's own loader): they work as before, and no
 * class of either library, nor any of the runtime's classes that use them, is even asked for.
 */
@WithRealServers
class WithoutOptionalLibrariesRealServersTest {
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;

    WithoutOptionalLibrariesRealServersTest(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void producerAndConsumerWorkWithoutMicrometerOrOpenTelemetryAndLoadNothingOfThem() throws Exception {
        kafka.createTopic("without-optional", 1);
        try (RecordingLoader loader = new RecordingLoader(classPathWithout(
                "/io/micrometer/", "/io/opentelemetry/", "/org/hdrhistogram/", "/org/latencyutils/"))) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            loader.requested.clear();

            String result = runIn(loader, () -> (String) loader.loadClass(IsolatedRoundTrip.class.getName())
                    .getMethod("run", String.class, String.class, String.class, int.class)
                    .invoke(null, kafka.bootstrapServers(), registry.url(), "without-optional", 5));

            assertThat(result).isEqualTo("handled=5 status=RUNNING lag=0");
            assertThat(loader.requested)
                    .as("classes asked for")
                    .contains(EventConsumer.class.getName(), Observers.class.getName())
                    .noneMatch(name -> name.startsWith("io.micrometer.") || name.startsWith("io.opentelemetry."))
                    .doesNotContain(
                            MicrometerConsumerMetrics.class.getName(),
                            MicrometerProducerMetrics.class.getName(),
                            OtelConsumerTracing.class.getName(),
                            OtelProducerTracing.class.getName(),
                            OtelKafka.class.getName());

            // Configured anyway: one clear message instead of a NoClassDefFoundError.
            String missing = runIn(loader, () -> (String) loader.loadClass(IsolatedRoundTrip.class.getName())
                    .getMethod("missingLibrary", String.class)
                    .invoke(null, kafka.bootstrapServers()));
            assertThat(missing)
                    .isEqualTo(
                            "eventcat.metrics.registry is set, but Micrometer (io.micrometer:micrometer-core) is not on"
                                    + " the class path: add it to the application, or drop the setting");
        }
    }

    /** Runs {@code body} on a thread whose context class loader is {@code loader} (Kafka loads config classes through it). */
    private static String runIn(ClassLoader loader, ThrowingSupplier body) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        outcome.set(body.get());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "without-optional");
        thread.setContextClassLoader(loader);
        thread.start();
        thread.join(120_000);
        if (outcome.get() instanceof Throwable t) {
            throw new AssertionError("the round trip failed without the optional libraries", t);
        }
        return (String) outcome.get();
    }

    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    private static URL[] classPathWithout(String... excluded) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            boolean drop = false;
            for (String part : excluded) {
                drop |= path.toLowerCase().contains(part);
            }
            if (!drop && !entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(urls).as("test class path").anySatisfy(url -> assertThat(url.getPath())
                .contains("kafka-clients"));
        return urls.toArray(URL[]::new);
    }

    /** Remembers every class name it is asked for: by the JVM resolving references, or by reflection. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super("without-optional-libraries", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
