package io.github.eventcat.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the broker and the registry are, and how to talk to them: one Kafka-style map.
 *
 * <p>Precedence, highest first: {@code --bootstrap-servers} / {@code --schema-registry-url}, the
 * {@code --config} properties file (SASL/SSL and registry auth keys pass through untouched), the
 * environment variables {@code BOOTSTRAP_SERVERS} / {@code SCHEMA_REGISTRY_URL}.
 *
 * @param properties every setting, {@code bootstrap.servers} and {@code schema.registry.url} included
 * @param timeout how long to wait for the broker or the registry before giving up
 */
record Connection(Map<String, String> properties, Duration timeout) {
    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String REGISTRY_URL = "schema.registry.url";
    static final String BOOTSTRAP_ENV = "BOOTSTRAP_SERVERS";
    static final String REGISTRY_ENV = "SCHEMA_REGISTRY_URL";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    Connection {
        properties = Map.copyOf(properties);
    }

    static Connection from(Arguments args, Function<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        Optional.ofNullable(environment.apply(BOOTSTRAP_ENV))
                .filter(v -> !v.isBlank())
                .ifPresent(v -> properties.put(BOOTSTRAP_SERVERS, v.trim()));
        Optional.ofNullable(environment.apply(REGISTRY_ENV))
                .filter(v -> !v.isBlank())
                .ifPresent(v -> properties.put(REGISTRY_URL, v.trim()));
        args.value("config").ifPresent(file -> properties.putAll(readProperties(Path.of(file))));
        args.value("bootstrap-servers").ifPresent(v -> properties.put(BOOTSTRAP_SERVERS, v.trim()));
        args.value("schema-registry-url").ifPresent(v -> properties.put(REGISTRY_URL, v.trim()));
        Duration timeout = args.duration("connect-timeout").orElse(DEFAULT_TIMEOUT);
        if (!properties.containsKey(BOOTSTRAP_SERVERS)) {
            throw CliException.usage(
                    "No Kafka broker given: pass --bootstrap-servers HOST:PORT, set " + BOOTSTRAP_ENV
                            + ", or put bootstrap.servers in a --config file. To try the CLI without servers, run the"
                            + " 'demo' command in another terminal: it starts an embedded broker and registry and prints their addresses.");
        }
        if (!properties.containsKey(REGISTRY_URL)) {
            throw CliException.usage("No Schema Registry given: pass --schema-registry-url URL, set " + REGISTRY_ENV
                    + ", or put schema.registry.url in a --config file");
        }
        return new Connection(properties, timeout);
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("--config " + file + ": no such file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.usage("--config " + file + " could not be read as a properties file: " + e.getMessage());
        }
        Map<String, String> map = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(name -> map.put(name, properties.getProperty(name).trim()));
        return map;
    }

    String bootstrapServers() {
        return properties.get(BOOTSTRAP_SERVERS);
    }

    /** For messages: user info in the URL (a password) is masked. */
    String registryUrl() {
        return io.github.eventcat.runtime.registry.Redaction.url(properties.get(REGISTRY_URL));
    }

    /**
     * What Kafka's clients get: everything but the registry's keys (which Kafka would log as unknown),
     * with timeouts bounded by {@link #timeout()} unless the config file sets them.
     */
    Map<String, Object> kafkaProperties() {
        Map<String, Object> kafka = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (!isRegistryKey(key)) {
                kafka.put(key, value);
            }
        });
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        kafka.putIfAbsent("request.timeout.ms", String.valueOf(timeoutMs));
        kafka.putIfAbsent("default.api.timeout.ms", String.valueOf(timeoutMs));
        kafka.putIfAbsent("socket.connection.setup.timeout.ms", String.valueOf(Math.min(timeoutMs, 10_000)));
        kafka.putIfAbsent("socket.connection.setup.timeout.max.ms", String.valueOf(Math.min(timeoutMs, 10_000)));
        return kafka;
    }

    /** What the registry client gets: its own keys, with a request timeout of {@link #timeout()}. */
    Map<String, Object> registryProperties() {
        Map<String, Object> registry = new TreeMap<>(properties);
        registry.putIfAbsent("schema.registry.request.timeout.ms", String.valueOf(timeout.toMillis()));
        registry.putIfAbsent("schema.registry.connect.timeout.ms", String.valueOf(timeout.toMillis()));
        // One attempt: a user at a terminal wants the error now, not after backoff.
        registry.putIfAbsent("max.retries", "0");
        return registry;
    }

    private static boolean isRegistryKey(String key) {
        return key.startsWith("schema.registry.")
                || key.startsWith("basic.auth.")
                || key.startsWith("bearer.auth.")
                || key.equals("auto.register.schemas")
                || key.equals("use.latest.version");
    }
}
