package io.github.eventcat.cli;

import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.registry.sync.SyncResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code demo}: starts the embedded servers (a single-node Kafka broker in this JVM, the Apicurio
 * registry as a child process, both on 127.0.0.1 and free ports, from the optional
 * {@code event-cli-demo} artifact), registers the catalog and creates its topics through the
 * registry core (as {@code mvn registry:sync -Dregistry.topics} does), prints the settings for
 * other terminals, and runs until Ctrl-C, which stops both (shutdown hooks).
 */
final class DemoCommand {
    static final Set<String> VALUED = Set.of("catalog");
    static final Set<String> SWITCHES = Set.of();
    static final String NO_SERVERS =
            "demo needs the embedded Kafka broker and Schema Registry, which this jar does not "
                    + "carry: run it from eventcat-demo.jar (mvn -pl event-cli-demo -am install -DskipTests builds "
                    + "event-cli-demo/target/eventcat-demo.jar), or put the event-cli-demo artifact on the class path";

    private DemoCommand() {}

    static ExitCode run(Arguments args, PrintStream out, PrintStream err) {
        String directory = args.value("catalog").orElse(CatalogEvents.DEFAULT_CATALOG);
        CatalogEvents.load(directory); // a usage error for a bad catalog before anything starts
        DemoServers servers = ServiceLoader.load(DemoServers.class)
                .findFirst()
                .orElseThrow(() -> new CliException(ExitCode.UNAVAILABLE, NO_SERVERS));
        err.println("Starting an embedded Kafka broker and Schema Registry...");
        DemoServers.Endpoints endpoints;
        try {
            endpoints = servers.start();
        } catch (RuntimeException e) {
            throw new CliException(ExitCode.UNAVAILABLE, "Could not start the embedded servers: " + e.getMessage(), e);
        }
        SyncResult result = new RegistrySync(err::println)
                .sync(SyncRequest.withTopics(
                        RegistryConnection.of(endpoints.registryUrl()),
                        Path.of(directory),
                        Map.of("bootstrap.servers", endpoints.bootstrapServers())));
        out.println("export " + Connection.BOOTSTRAP_ENV + "=" + endpoints.bootstrapServers());
        out.println("export " + Connection.REGISTRY_ENV + "=" + endpoints.registryUrl());
        out.flush();
        err.println(
                "Registered " + result.subjectNames().size() + " subjects and created topics " + result.changedTopics()
                        + " of " + directory + ". Paste the lines above into another terminal, then e.g.\n"
                        + "  java -jar eventcat-demo.jar publish --catalog <dir> --topic <topic> --event <event> --value '{...}'\n"
                        + "Press Ctrl-C to stop both servers.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }
}
