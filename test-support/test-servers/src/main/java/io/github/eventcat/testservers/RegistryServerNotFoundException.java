package io.github.eventcat.testservers;

import java.util.List;

/** The packaged Schema Registry (the registry-server zip) is in none of the places looked at. */
public final class RegistryServerNotFoundException extends TestServerException {
    private static final long serialVersionUID = 1L;

    private final List<String> triedLocations;

    RegistryServerNotFoundException(String artifact, List<String> triedLocations) {
        super(message(artifact, triedLocations));
        this.triedLocations = List.copyOf(triedLocations);
    }

    private static String message(String artifact, List<String> tried) {
        return "The packaged Schema Registry " + artifact + " was not found. Looked at:\n  - "
                + String.join("\n  - ", tried)
                + "\nTo fix: depend on io.github.eventcat:test-servers (it brings the server as a zip that stays off"
                + " the classpath) and keep the surefire/failsafe configuration inherited from the root pom, which"
                + " passes -D" + RegistryServerLocator.PROPERTY + "=<path of the zip>; build with 'mvn verify' or"
                + " 'mvn package' (not 'mvn test': the zip exists only once registry-server is packaged). Outside Maven,"
                + " set -D" + RegistryServerLocator.PROPERTY + "=<path> or the environment variable "
                + RegistryServerLocator.ENVIRONMENT_VARIABLE + ", or run"
                + " 'mvn -pl test-support/registry-server -am install -DskipTests' once.";
    }

    /** Every place looked at, with why it did not fit. */
    public List<String> triedLocations() {
        return triedLocations;
    }
}
