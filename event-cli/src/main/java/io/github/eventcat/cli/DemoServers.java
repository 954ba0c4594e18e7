package io.github.eventcat.cli;

/**
 * The servers the {@code demo} command starts. This module's jar has none (no broker or registry
 * in a production jar): the optional {@code event-cli-demo} artifact provides them, found with
 * {@link java.util.ServiceLoader} when it is on the class path (as in {@code eventcat-demo.jar}).
 */
public interface DemoServers {
    /** Starts a Kafka broker and a Schema Registry (stopped when the JVM exits) and says where they are. */
    Endpoints start();

    /** Where the started servers listen. */
    record Endpoints(String bootstrapServers, String registryUrl) {}
}
