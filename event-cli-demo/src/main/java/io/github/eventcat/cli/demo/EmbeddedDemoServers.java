package io.github.eventcat.cli.demo;

import io.github.eventcat.cli.DemoServers;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;

/** The demo's servers: the ones the project's tests use, shared and stopped when the JVM exits. */
public final class EmbeddedDemoServers implements DemoServers {
    @Override
    public Endpoints start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.shared();
        return new Endpoints(kafka.bootstrapServers(), registry.url());
    }
}
