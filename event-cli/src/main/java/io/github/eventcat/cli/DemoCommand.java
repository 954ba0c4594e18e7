package io.github.eventcat.cli;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code demo}: starts the embedded servers the project's tests use (a single-node Kafka broker in
 * this JVM, the Apicurio registry as a child process, both on 127.0.0.1 and free ports), creates
 * the catalog's topics, prints the settings for other terminals, and runs until Ctrl-C, which
 * stops both (shutdown hooks).
 */
final class DemoCommand {
  static final Set<String> VALUED = Set.of("catalog");
  static final Set<String> SWITCHES = Set.of();

  private DemoCommand() {}

  static ExitCode run(Arguments args, PrintStream out, PrintStream err) {
    Catalog catalog = CatalogEvents.load(args.value("catalog").orElse(CatalogEvents.DEFAULT_CATALOG));
    err.println("Starting an embedded Kafka broker and Schema Registry...");
    EmbeddedKafka kafka;
    EmbeddedSchemaRegistry registry;
    try {
      kafka = EmbeddedKafka.shared();
      registry = EmbeddedSchemaRegistry.shared();
    } catch (RuntimeException e) {
      throw new CliException(ExitCode.UNAVAILABLE, "Could not start the embedded servers: " + e.getMessage(), e);
    }
    for (Topic topic : catalog.topics()) {
      if (!kafka.topicNames().contains(topic.name())) {
        kafka.createTopic(topic.name(), topic.partitions().orElse(1));
      }
    }
    out.println("export " + Connection.BOOTSTRAP_ENV + "=" + kafka.bootstrapServers());
    out.println("export " + Connection.REGISTRY_ENV + "=" + registry.url());
    out.flush();
    err.println("Created " + catalog.topics().size() + " topics of " + catalog.source()
        + ". Paste the lines above into another terminal, then e.g.\n"
        + "  java -jar eventcat-cli.jar publish --catalog <dir> --topic <topic> --event <event> --auto-register --value '{...}'\n"
        + "Press Ctrl-C to stop both servers.");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK;
  }
}
