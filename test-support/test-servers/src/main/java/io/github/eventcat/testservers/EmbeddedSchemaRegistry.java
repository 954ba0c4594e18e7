package io.github.eventcat.testservers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Schema Registry serving the Confluent REST API: Apicurio Registry 2.4.2.Final (packaged
 * by the registry-server module) in a child JVM on 127.0.0.1 and a free port, with in-memory
 * storage. Its output goes to {@link #logFile()}.
 *
 * <p>Where Apicurio answers differently from Confluent (global default compatibility NONE,
 * {@code is_compatible}/{@code reason} in verbose checks, some error codes) see REAL-SERVERS.md.
 *
 * <p>Use {@link #shared()} in tests (one registry per JVM, stopped when the JVM exits; call
 * {@link #reset()} between test classes) or {@link #start()} for one of your own that you {@link #close()}.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    static final String SERVER_NAME = "Schema Registry (Apicurio Registry 2.4.2.Final)";
    private static final String API_PATH = "/apis/ccompat/v7";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int START_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Apicurio's global default; Confluent's would be BACKWARD. */
    private static final String DEFAULT_COMPATIBILITY = "NONE";

    private static final Pattern COMPATIBILITY_LEVEL = Pattern.compile("\"compatibilityLevel\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static EmbeddedSchemaRegistry shared;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final boolean sharedInstance;
    private final HttpClient http;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedSchemaRegistry(Process process, int port, Path logFile, boolean sharedInstance, HttpClient http) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.sharedInstance = sharedInstance;
        this.http = http;
        // Also for instances of one's own: a test JVM that ends early must not leave a registry behind.
        this.shutdownHook = new Thread(this::stop, "eventcat-schema-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a new registry; the caller closes it. */
    public static EmbeddedSchemaRegistry start() {
        return launch(false);
    }

    /** The registry of this JVM, started on first use and stopped by a shutdown hook; {@link #close()} leaves it running. */
    public static synchronized EmbeddedSchemaRegistry shared() {
        if (shared == null) {
            shared = launch(true);
        }
        return shared;
    }

    private static EmbeddedSchemaRegistry launch(boolean sharedInstance) {
        Path serverJar = RegistryServerLocator.forThisJvm().locate();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int attempt = 1; ; attempt++) {
            int port = LoopbackPorts.freePort();
            Path logFile = logFileFor(port);
            FileTime jarModified = lastModified(serverJar);
            Process process = spawn(serverJar, port, logFile);
            EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(process, port, logFile, sharedInstance, http);
            try {
                registry.awaitReady();
                return registry;
            } catch (ServerNotReadyException e) {
                boolean died = !process.isAlive();
                registry.stopAndForget();
                // The port may have been taken before the child bound it; the log then says "Address already in use".
                if (attempt < START_ATTEMPTS && died && logMentionsPortInUse(logFile)) {
                    continue;
                }
                if (!Objects.equals(jarModified, lastModified(serverJar))) {
                    throw new TestServerException(
                            "The Schema Registry jar " + serverJar + " was rewritten while the"
                                    + " registry started (another build installing or packaging registry-server?). Run again"
                                    + " once that build is done.",
                            e);
                }
                throw e;
            } catch (RuntimeException e) {
                registry.stopAndForget();
                throw e;
            }
        }
    }

    private static Process spawn(Path serverJar, int port, Path logFile) {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Quarkus binds 0.0.0.0 unless told otherwise.
                "-Dquarkus.http.host=" + LoopbackPorts.HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                // Sentry is not configured (and never will be here); its two warnings on every start are noise.
                "-Dquarkus.log.category.\"io.sentry\".level=ERROR",
                // (The registry serves one request at a time: see registry-server's application.properties.)
                // No registry.ccompat.use-canonical-hash: with it, Apicurio 2.4.2 answers GET /schemas/ids/{id}
                // with its canonical form, whose Avro fields are sorted by name, and data written with the
                // registered field order can no longer be read with the schema it names.
                "-jar",
                serverJar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            // Apicurio's own application.properties reads its log levels and data source from these.
            builder.environment().put("LOG_LEVEL", ServerLogging.level());
            builder.environment().put("REGISTRY_LOG_LEVEL", ServerLogging.level());
            // Without it H2 closes the in-memory database before Quarkus stops, which logs stack traces on every stop.
            builder.environment().put("REGISTRY_DATASOURCE_URL", "jdbc:h2:mem:registry_db;DB_CLOSE_ON_EXIT=FALSE");
            return builder.redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new TestServerException(
                    "Could not start " + SERVER_NAME + " with " + String.join(" ", command) + ": " + e, e);
        }
    }

    /** Under the module's target/ when the JVM runs in a Maven module (surefire does), else the temp dir. */
    private static Path logFileFor(int port) {
        Path target = Path.of("target");
        Path folder = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
        return folder.resolve("schema-registry-" + port + ".log").toAbsolutePath();
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean logMentionsPortInUse(Path logFile) {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains("Address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady() {
        long started = System.nanoTime();
        long deadline = started + StartTimeouts.startTimeout().toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerNotReadyException(
                        SERVER_NAME,
                        url(),
                        Duration.ofNanos(System.nanoTime() - started),
                        logFile,
                        "the process exited with status " + process.exitValue(),
                        null);
            }
            try {
                HttpResponse<String> response = send(request("/subjects").GET());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "GET " + url() + "/subjects answered " + response.statusCode();
            } catch (IOException e) {
                last = "GET " + url() + "/subjects failed: " + e;
            }
            pause();
        }
        throw new ServerNotReadyException(
                SERVER_NAME,
                url(),
                Duration.ofNanos(System.nanoTime() - started),
                logFile,
                last + " (if the machine is just slow, raise -D" + StartTimeouts.PROPERTY + "=<seconds>)",
                null);
    }

    /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}, for {@code schema.registry.url}. */
    public String url() {
        return "http://" + LoopbackPorts.HOST + ":" + port + API_PATH;
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Where the registry's output goes; a failing test points here. */
    public Path logFile() {
        return logFile;
    }

    /** The child JVM, for tests that check what it listens on or that it is gone. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /**
     * Deletes every subject, soft-deleted ones too (soft, then permanently), and puts the global
     * compatibility back to Apicurio's default (NONE), so a test starts from an empty registry.
     * Schema ids keep growing across resets, as in a real registry.
     */
    public void reset() {
        List<String> problems = new ArrayList<>();
        List<String> live = subjects(false);
        for (String subject : subjects(true)) {
            String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
            if (live.contains(subject)) {
                // A soft-deleted subject is deleted permanently only: Apicurio answers 400 to a second soft delete.
                deleteTolerating404(path, subject, problems);
            }
            deleteTolerating404(path + "?permanent=true", subject, problems);
        }
        resetGlobalCompatibility(problems);
        if (!problems.isEmpty()) {
            throw new TestServerException("Could not reset " + SERVER_NAME + " at " + url() + ":\n  - "
                    + String.join("\n  - ", problems) + "\nSee " + logFile);
        }
    }

    private void resetGlobalCompatibility(List<String> problems) {
        try {
            HttpResponse<String> current = send(request("/config").GET());
            Matcher level = COMPATIBILITY_LEVEL.matcher(current.body());
            if (current.statusCode() == 200 && level.find() && level.group(1).equals(DEFAULT_COMPATIBILITY)) {
                return;
            }
            HttpResponse<String> response = send(request("/config")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + DEFAULT_COMPATIBILITY + "\"}")));
            if (response.statusCode() != 200) {
                problems.add("PUT /config (global compatibility " + DEFAULT_COMPATIBILITY + ") answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            problems.add("resetting the global compatibility failed: " + e);
        }
    }

    private void deleteTolerating404(String path, String subject, List<String> problems) {
        try {
            HttpResponse<String> response = send(request(path).DELETE());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                problems.add("DELETE " + path + " (subject '" + subject + "') answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            problems.add("DELETE " + path + " (subject '" + subject + "') failed: " + e);
        }
    }

    /** The registered subjects (GET /subjects). */
    List<String> subjects() {
        return subjects(false);
    }

    /** The registered subjects, with the soft-deleted ones when {@code includeDeleted}. */
    List<String> subjects(boolean includeDeleted) {
        try {
            HttpResponse<String> response = send(request("/subjects" + (includeDeleted ? "?deleted=true" : ""))
                    .GET());
            if (response.statusCode() != 200) {
                throw new TestServerException("GET " + url() + "/subjects answered " + response.statusCode() + ": "
                        + response.body() + ". See " + logFile);
            }
            return jsonStrings(response.body());
        } catch (IOException e) {
            throw new TestServerException("GET " + url() + "/subjects failed: " + e + ". See " + logFile, e);
        }
    }

    /** The subjects answer is a flat JSON array of strings; no JSON library needed for that. */
    static List<String> jsonStrings(String jsonArray) {
        List<String> values = new ArrayList<>();
        Matcher matcher = JSON_STRING.matcher(jsonArray);
        while (matcher.find()) {
            values.add(unescape(matcher.group(1)));
        }
        return values;
    }

    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE)
                .header("Content-Type", CONTENT_TYPE);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while calling " + SERVER_NAME + " at " + url(), e);
        }
    }

    /**
     * Stops the child JVM (gracefully, then forcibly) and waits until it is gone. Does nothing on
     * the {@link #shared()} registry, which other test classes of this JVM still use.
     */
    @Override
    public void close() {
        if (!sharedInstance) {
            stopAndForget();
        }
    }

    private void stopAndForget() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> descendants = handle.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestServerException("Interrupted while waiting for " + SERVER_NAME, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedSchemaRegistry[" + url() + ", pid " + process.pid() + (sharedInstance ? ", shared" : "") + "]";
    }
}
