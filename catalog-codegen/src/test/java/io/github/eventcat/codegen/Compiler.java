package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;

/** Compiles generated sources with javax.tools, as a service's build would, and loads them. */
final class Compiler {
    private Compiler() {}

    /**
     * Compiles every file (written under {@code sources}) into {@code classes}; fails the test with
     * the compiler's messages on any error.
     */
    static ClassLoader compile(List<GeneratedFile> files, Path sources, Path classes) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (GeneratedFile file : files) {
            Path path = sources.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content(), StandardCharsets.UTF_8);
            paths.add(path);
        }
        compilePaths(paths, classes);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiler.class.getClassLoader());
    }

    static void compilePaths(List<Path> paths, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager =
                javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options =
                    List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-classpath", classpath());
            boolean ok = javac.getTask(
                            null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(paths))
                    .call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString)
                    .collect(Collectors.joining("\n"));
            assertThat(ok).as("javac errors:\n%s", errors).isTrue();
        }
    }

    /**
     * What generated code needs: Jackson annotations and databind, Avro, the event runtime and its
     * vocabulary, Kafka's clients (for the per-topic producers and consumers), the outbox writer (for the
     * outbox producers). Taken from the running
     * test's own class path entries, which Surefire may hide behind a manifest-only jar.
     */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> marker : List.of(
                JsonProperty.class,
                ObjectMapper.class,
                JsonParser.class,
                Schema.class,
                io.github.eventcat.runtime.kafka.EventProducer.class,
                io.github.eventcat.vocabulary.SubjectNamingStrategy.class,
                org.apache.kafka.clients.producer.RecordMetadata.class,
                io.github.eventcat.outbox.OutboxWriter.class)) {
            try {
                entries.add(Path.of(marker.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
