package io.github.eventcat.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalog-aware console producer and consumer. {@link #run} is the whole program with its
 * streams and environment passed in, so tests call it as the shell would.
 */
public final class EventCli {
    static final String USAGE = """
      eventcat: catalog-aware console producer and consumer for Kafka + Schema Registry

      Usage:
        eventcat publish --catalog DIR --topic TOPIC --event EVENT [--value JSON | --file FILE] [options]
            Checks every JSON document (--value, --file, or stdin: one per line) against the event's
            schema, sends nothing if any is wrong, else sends each in the Confluent wire format keyed by
            the topic's key field and prints "topic partition offset" per record.
            --event         the event's name (ticket_opened), record full name or Java type name
            --auto-register register the schema (and the schemas it references) if missing
            --dry-run       only check the documents; needs no servers
        eventcat publish --catalog DIR --topic TOPIC [--event EVENT] --examples [options]
            Sends the catalog's example payloads (examples: in catalog.yaml) of the event, or of every
            event of the topic, each with the schema of its subject.
        eventcat consume --topic TOPIC [--from-beginning] [--group ID] [--max-messages N] [--timeout 10s]
            Prints events as JSON lines: topic, partition, offset, timestamp, key, schemaId, eventType, value.
            Starts at the end unless --from-beginning (with --group: where the group left off).
            Stops after N events or when no event came for --timeout; otherwise runs until Ctrl-C.
        eventcat demo [--catalog DIR]
            Starts an embedded broker and registry, creates the catalog's topics, prints the
            environment settings for them and runs until Ctrl-C.

      Connection (publish, consume), highest precedence first:
        --bootstrap-servers HOST:PORT   --schema-registry-url URL
        --config FILE         Kafka-style properties: security.protocol, sasl.*, ssl.*,
                              schema.registry.basic.auth.user.info, schema.registry.ssl.* ...
        environment           BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL
        --connect-timeout 10s how long to wait for the broker and the registry

      --catalog defaults to src/main/catalog. Exit codes: 0 done, 1 usage or invalid input (nothing sent),
      2 broker or registry unreachable, refused, or missing the topic or schema.
      """;

    private EventCli() {}

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, System::getenv);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command and returns its exit code; never calls {@code System.exit}. */
    public static int run(
            String[] args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> environment) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty()
                || all.contains("--help")
                || all.contains("-h")
                || all.get(0).equals("help")) {
            (all.isEmpty() ? err : out).print(USAGE);
            return all.isEmpty() ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
        }
        String command = all.get(0);
        List<String> options = all.subList(1, all.size());
        try {
            ExitCode code =
                    switch (command) {
                        case "publish" ->
                            PublishCommand.run(
                                    parse(command, options, PublishCommand.VALUED, PublishCommand.SWITCHES),
                                    stdin,
                                    out,
                                    err,
                                    environment);
                        case "consume" ->
                            ConsumeCommand.run(
                                    parse(command, options, ConsumeCommand.VALUED, ConsumeCommand.SWITCHES),
                                    out,
                                    err,
                                    environment);
                        case "demo" ->
                            DemoCommand.run(
                                    parse(command, options, DemoCommand.VALUED, DemoCommand.SWITCHES), out, err);
                        default ->
                            throw CliException.usage("Unknown command '" + command + "': use publish, consume or demo");
                    };
            return code.code();
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return e.exitCode().code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static Arguments parse(String command, List<String> options, Set<String> valued, Set<String> switches) {
        return Arguments.parse(command, options, valued, switches);
    }
}
