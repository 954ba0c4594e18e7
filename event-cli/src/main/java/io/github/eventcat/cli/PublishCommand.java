package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SchemaNotRegisteredException;
import io.github.eventcat.registry.sync.SyncFailedException;
import io.github.eventcat.runtime.kafka.EventKeys;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.runtime.serde.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code publish}: checks every input document against the event's schema first and sends
 * nothing unless all pass; then resolves the schema id once, and sends each document in the
 * Confluent wire format, keyed by the topic's key field, printing {@code topic partition offset}.
 */
final class PublishCommand {
    static final Set<String> VALUED = Set.of(
            "catalog",
            "topic",
            "event",
            "value",
            "file",
            "bootstrap-servers",
            "schema-registry-url",
            "config",
            "connect-timeout");
    static final Set<String> SWITCHES = Set.of("auto-register", "dry-run", "examples");

    private PublishCommand() {}

    static ExitCode run(
            Arguments args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> environment) {
        Catalog catalog = CatalogEvents.load(args.value("catalog").orElse(CatalogEvents.DEFAULT_CATALOG));
        Topic topic = CatalogEvents.topic(catalog, args.required("topic"));
        if (args.flag("examples")) {
            return publishExamples(args, catalog, topic, out, err, environment);
        }
        Event event = CatalogEvents.event(topic, args.required("event"));
        boolean dryRun = args.flag("dry-run");
        Connection connection = dryRun ? null : Connection.from(args, environment);
        Subject subject = CatalogEvents.valueSubject(topic, event);

        JsonDocuments input = JsonDocuments.read(input(args, stdin));
        EventEncoder encoder = EventEncoder.forEvent(catalog, event, subject.schemaFile());
        List<DocumentProblem> problems = new ArrayList<>();
        for (JsonDocuments.JsonDocument document : input.documents()) {
            problems.addAll(encoder.check(document));
            JsonNode key = document.value().get(topic.keyField());
            if (document.value().isObject() && (key == null || !(key.isTextual() || key.isIntegralNumber()))) {
                problems.add(new DocumentProblem(
                        document.index(),
                        document.line(),
                        0,
                        "/" + JsonToAvro.escape(topic.keyField()),
                        "key",
                        "the topic's key field '" + topic.keyField() + "' must be a string or a whole number, not "
                                + (key == null ? "missing" : key.toString())));
            }
        }
        input.syntaxError().ifPresent(problems::add);
        if (input.documents().isEmpty() && problems.isEmpty()) {
            throw CliException.usage(
                    "No JSON document in the input: give one with --value, --file or on stdin (one per line)");
        }
        if (!problems.isEmpty()) {
            List<DocumentProblem> distinct = problems.stream().distinct().toList();
            err.println("Nothing was sent: " + distinct.size() + (distinct.size() == 1 ? " problem" : " problems")
                    + " in the input for event " + event.recordFullName() + " ("
                    + event.schemaFile().path() + ")"
                    + (input.syntaxError().isPresent() ? "; reading stopped at the syntax error" : "") + ":");
            distinct.forEach(problem -> err.println("  " + problem));
            return ExitCode.INVALID_INPUT;
        }
        if (dryRun) {
            err.println(input.documents().size() + " document(s) match " + event.recordFullName()
                    + "; nothing sent (--dry-run)");
            return ExitCode.OK;
        }

        RegisteredSchema schema = schemaId(catalog, connection, subject, args.flag("auto-register"));
        Brokers.describe(connection, topic.name());
        List<Outgoing> records = new ArrayList<>();
        for (JsonDocuments.JsonDocument document : input.documents()) {
            JsonNode keyField = document.value().get(topic.keyField());
            String key = EventKeys.render(keyField.isTextual() ? keyField.asText() : keyField.numberValue());
            records.add(new Outgoing(key, WireFormat.frame(schema.id(), encoder.encode(document.value()))));
        }
        send(connection, topic, records, out);
        return ExitCode.OK;
    }

    /** A record to send: its key and its framed value. */
    private record Outgoing(String key, byte[] value) {}

    /**
     * {@code --examples}: the catalog's examples of the topic, or of {@code --event}, each encoded
     * with the schema of its value subject (checked already when the catalog loaded).
     */
    private static ExitCode publishExamples(
            Arguments args,
            Catalog catalog,
            Topic topic,
            PrintStream out,
            PrintStream err,
            Function<String, String> environment) {
        if (args.value("value").isPresent() || args.value("file").isPresent()) {
            throw CliException.usage("--examples publishes the catalog's examples: give no --value or --file");
        }
        Optional<Event> event = args.value("event").map(name -> CatalogEvents.event(topic, name));
        List<ExamplePayloads.Payload> payloads = ExamplePayloads.of(catalog, topic, event);
        String paths = payloads.stream().map(p -> p.example().path()).distinct().collect(Collectors.joining(", "));
        if (args.flag("dry-run")) {
            err.println(payloads.size() + " example(s) of topic " + topic.name() + " match their schemas (" + paths
                    + "); nothing sent (--dry-run)");
            return ExitCode.OK;
        }
        Connection connection = Connection.from(args, environment);
        Map<String, Integer> ids = new TreeMap<>();
        List<Outgoing> records = new ArrayList<>();
        for (ExamplePayloads.Payload payload : payloads) {
            int id = ids.computeIfAbsent(payload.subject().name(), name -> schemaId(
                            catalog, connection, payload.subject(), args.flag("auto-register"))
                    .id());
            records.add(new Outgoing(payload.key(), WireFormat.frame(id, payload.value())));
        }
        Brokers.describe(connection, topic.name());
        err.println("Publishing " + payloads.size() + " example(s) to " + topic.name() + ": " + paths);
        send(connection, topic, records, out);
        return ExitCode.OK;
    }

    private static String input(Arguments args, InputStream stdin) {
        if (args.value("value").isPresent() && args.value("file").isPresent()) {
            throw CliException.usage("Give the JSON either with --value or with --file, not both");
        }
        if (args.value("value").isPresent()) {
            return args.value("value").get();
        }
        try {
            if (args.value("file").isPresent()) {
                Path file = Path.of(args.value("file").get());
                if (!Files.isRegularFile(file)) {
                    throw CliException.usage("--file " + file + ": no such file");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "Could not read the input: " + e.getMessage(), e);
        }
    }

    /**
     * The registry id of the event's subject, through the registry core: the same subjects, texts and
     * references as {@code mvn registry:sync}, so the CLI finds what the plugin registered and
     * {@code --auto-register} registers what the plugin would (references first, levels set).
     */
    private static RegisteredSchema schemaId(
            Catalog catalog, Connection connection, Subject subject, boolean register) {
        SchemaRegistryClient client = SchemaRegistryClient.fromConfig(connection.registryProperties());
        try {
            return new RegistrySync(line -> {}).registeredSchema(client, catalog, subject.name(), register);
        } catch (SchemaNotRegisteredException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    e.getMessage() + ": register the catalog first (mvn registry:sync), or pass --auto-register",
                    e);
        } catch (SyncFailedException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Tried to register the schema of subject '" + subject.name() + "' at " + connection.registryUrl()
                            + " but failed: " + e.result().summary(),
                    e);
        } catch (SchemaRegistryException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Tried to " + (register ? "register" : "look up")
                            + " the schema of subject '" + subject.name() + "' at " + connection.registryUrl()
                            + " but failed because: " + e.getMessage() + " — check --schema-registry-url (or "
                            + Connection.REGISTRY_ENV + ") and the registry credentials in --config",
                    e);
        }
    }

    private static void send(Connection connection, Topic topic, List<Outgoing> records, PrintStream out) {
        Map<String, Object> properties = new TreeMap<>(connection.kafkaProperties());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", ByteArraySerializer.class.getName());
        long timeoutMs = connection.timeout().toMillis();
        properties.putIfAbsent("acks", "all");
        properties.putIfAbsent("linger.ms", "5");
        properties.putIfAbsent("max.block.ms", String.valueOf(timeoutMs));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        properties.putIfAbsent("delivery.timeout.ms", String.valueOf(timeoutMs * 2 + 5));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (Outgoing record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), record.key(), record.value())));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata metadata = await(sent.get(i), timeoutMs * 2 + 5, connection, i, sent.size());
                out.println(metadata.topic() + " " + metadata.partition() + " " + metadata.offset());
            }
        } catch (KafkaException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Could not send to topic '" + topic.name() + "' at " + connection.bootstrapServers() + ": "
                            + Brokers.rootMessage(e),
                    e);
        }
    }

    private static RecordMetadata await(
            Future<RecordMetadata> future, long timeoutMs, Connection connection, int index, int total) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Record " + (index + 1) + " of " + total + " was not acknowledged by "
                            + connection.bootstrapServers() + " (the records printed above were): " + cause,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.UNAVAILABLE, "Interrupted while sending", e);
        }
    }
}
