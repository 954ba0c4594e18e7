package io.github.eventcat.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryServerLocatorTest {
    @TempDir
    Path folder;

    private RegistryServerLocator locator(Map<String, String> properties, Map<String, String> environment) {
        return new RegistryServerLocator(
                properties::get, environment::get, "io.github.eventcat", "registry-server", "1.2.3");
    }

    @Test
    void theSystemPropertyWinsWhenItNamesAFile() throws Exception {
        Path server = Files.createFile(folder.resolve("server.zip"));
        Path other = Files.createFile(folder.resolve("other.zip"));

        Path found = locator(
                        Map.of(RegistryServerLocator.PROPERTY, server.toString()),
                        Map.of(RegistryServerLocator.ENVIRONMENT_VARIABLE, other.toString()))
                .locate();

        assertThat(found).isEqualTo(server.toAbsolutePath());
    }

    @Test
    void anEmptySystemPropertyFallsBackToTheEnvironmentVariable() throws Exception {
        Path server = Files.createFile(folder.resolve("server.zip"));

        Path found = locator(
                        Map.of(RegistryServerLocator.PROPERTY, ""),
                        Map.of(RegistryServerLocator.ENVIRONMENT_VARIABLE, server.toString()))
                .locate();

        assertThat(found).isEqualTo(server.toAbsolutePath());
    }

    @Test
    void theLocalRepositoryIsTheLastPlaceLookedAt() throws Exception {
        Path repository = folder.resolve("repo");
        Path server = repository.resolve("io/github/eventcat/registry-server/1.2.3/registry-server-1.2.3-server.zip");
        Files.createDirectories(server.getParent());
        Files.createFile(server);

        Path found = locator(Map.of("maven.repo.local", repository.toString()), Map.of())
                .locate();

        assertThat(found).isEqualTo(server.toAbsolutePath());
    }

    @Test
    void aSetPropertyNamingNoFileIsAnErrorEvenWhenTheLocalRepositoryHasTheServer() throws Exception {
        Path missing = folder.resolve("missing.zip");
        Path repository = folder.resolve("repo");
        Path server = repository.resolve("io/github/eventcat/registry-server/1.2.3/registry-server-1.2.3-server.zip");
        Files.createDirectories(server.getParent());
        Files.createFile(server);

        assertThatThrownBy(() -> locator(
                                Map.of(
                                        RegistryServerLocator.PROPERTY,
                                        missing.toString(),
                                        "maven.repo.local",
                                        repository.toString()),
                                Map.of())
                        .locate())
                .isInstanceOfSatisfying(RegistryServerNotFoundException.class, e -> assertThat(e.triedLocations())
                        .containsExactly("system property eventcat.registry-server: " + missing.toAbsolutePath()
                                + " does not exist"));
    }

    @Test
    void notFoundNamesEveryPlaceLookedAtAndWhatToDo() {
        assertThatThrownBy(() -> locator(Map.of("user.home", folder.toString()), Map.of())
                        .locate())
                .isInstanceOfSatisfying(RegistryServerNotFoundException.class, e -> assertThat(e.triedLocations())
                        .containsExactly(
                                "system property eventcat.registry-server: not set",
                                "environment variable EVENTCAT_REGISTRY_SERVER: not set",
                                "local Maven repository: "
                                        + folder.resolve(
                                                        ".m2/repository/io/github/eventcat/registry-server/1.2.3/registry-server-1.2.3-server.zip")
                                                .toAbsolutePath()
                                        + " does not exist"))
                .hasMessageContaining("io.github.eventcat:registry-server:zip:server:1.2.3 was not found")
                .hasMessageContaining("depend on io.github.eventcat:test-servers")
                .hasMessageContaining("-Deventcat.registry-server=<path>");
    }

    @Test
    void thisJvmsLocatorLooksForTheVersionItWasBuiltWith() {
        assertThat(RegistryServerLocator.forThisJvm().coordinates())
                .matches("io\\.github\\.eventcat:registry-server:zip:server:\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
