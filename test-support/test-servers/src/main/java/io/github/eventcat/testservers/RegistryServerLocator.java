package io.github.eventcat.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Finds the packaged Schema Registry: the registry-server artifact of type zip, classifier server,
 * which is a runnable Quarkus uber-jar. Looked for, in order: the system property set by the root
 * pom's surefire/failsafe/exec configuration, an environment variable, the local Maven repository.
 * A property or variable that is set must name an existing file; only unset ones fall through.
 */
final class RegistryServerLocator {
    static final String PROPERTY = "eventcat.registry-server";
    static final String ENVIRONMENT_VARIABLE = "EVENTCAT_REGISTRY_SERVER";

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;
    private final String groupId;
    private final String artifactId;
    private final String version;

    RegistryServerLocator(
            UnaryOperator<String> systemProperties,
            UnaryOperator<String> environment,
            String groupId,
            String artifactId,
            String version) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties == null");
        this.environment = Objects.requireNonNull(environment, "environment == null");
        this.groupId = Objects.requireNonNull(groupId, "groupId == null");
        this.artifactId = Objects.requireNonNull(artifactId, "artifactId == null");
        this.version = Objects.requireNonNull(version, "version == null");
    }

    /** The locator for this JVM, for the registry-server version this library was built with. */
    static RegistryServerLocator forThisJvm() {
        Properties built = new Properties();
        try (InputStream in = RegistryServerLocator.class.getResourceAsStream("test-servers.properties")) {
            if (in == null) {
                throw new TestServerException("test-servers.properties is missing from the test-servers jar");
            }
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegistryServerLocator(
                System::getProperty,
                System::getenv,
                built.getProperty("registry-server.groupId"),
                built.getProperty("registry-server.artifactId"),
                built.getProperty("registry-server.version"));
    }

    /** The runnable jar, or a {@link RegistryServerNotFoundException} naming every place looked at. */
    Path locate() {
        List<String> tried = new ArrayList<>();
        for (Candidate candidate : candidates()) {
            if (candidate.value() == null || candidate.value().isBlank()) {
                tried.add(candidate.source() + ": not set");
                continue;
            }
            Path path = Path.of(candidate.value().trim());
            if (Files.isRegularFile(path)) {
                return path.toAbsolutePath();
            }
            tried.add(candidate.source() + ": " + path.toAbsolutePath() + " does not exist");
            if (candidate.explicit()) {
                break; // a path someone chose is wrong: falling back could start a stale server
            }
        }
        throw new RegistryServerNotFoundException(coordinates(), tried);
    }

    private List<Candidate> candidates() {
        String repository = systemProperties.apply("maven.repo.local");
        if (repository == null || repository.isBlank()) {
            String home = systemProperties.apply("user.home");
            repository =
                    home == null ? null : Path.of(home, ".m2", "repository").toString();
        }
        String inRepository = repository == null
                ? null
                : Path.of(repository, groupId.split("\\."))
                        .resolve(Path.of(artifactId, version, artifactId + "-" + version + "-server.zip"))
                        .toString();
        return List.of(
                new Candidate("system property " + PROPERTY, systemProperties.apply(PROPERTY), true),
                new Candidate(
                        "environment variable " + ENVIRONMENT_VARIABLE, environment.apply(ENVIRONMENT_VARIABLE), true),
                new Candidate("local Maven repository", inRepository, false));
    }

    String coordinates() {
        return groupId + ":" + artifactId + ":zip:server:" + version;
    }

    private record Candidate(String source, String value, boolean explicit) {}
}
