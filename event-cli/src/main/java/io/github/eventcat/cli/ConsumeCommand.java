package io.github.eventcat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.serde.JsonSchemaDeserializer;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import io.github.eventcat.runtime.serde.WireFormat;
import io.github.eventcat.vocabulary.SchemaType;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code consume}: prints a topic's events as JSON lines with key, partition, offset, schema id,
 * event type and the decoded value. Without {@code --group} it reads every partition by itself
 * and commits nothing; with one it joins the group and commits what it printed.
 */
final class ConsumeCommand {
    static final Set<String> VALUED = Set.of(
            "topic",
            "group",
            "max-messages",
            "timeout",
            "bootstrap-servers",
            "schema-registry-url",
            "config",
            "connect-timeout");
    static final Set<String> SWITCHES = Set.of("from-beginning");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsumeCommand() {}

    static ExitCode run(Arguments args, PrintStream out, PrintStream err, Function<String, String> environment) {
        String topic = args.required("topic");
        Optional<String> group = args.value("group");
        Optional<Integer> maxMessages = args.positiveInt("max-messages");
        Optional<Duration> idleTimeout = args.duration("timeout");
        boolean fromBeginning = args.flag("from-beginning");
        Connection connection = Connection.from(args, environment);

        TopicDescription description = Brokers.describe(connection, topic);
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(connection.registryProperties());
        RecordPrinter printer = new RecordPrinter(registry, connection);

        Map<String, Object> properties = new TreeMap<>(connection.kafkaProperties());
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", fromBeginning ? "earliest" : "latest");
        group.ifPresent(g -> properties.put("group.id", g));
        int printed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            if (group.isPresent()) {
                consumer.subscribe(List.of(topic));
            } else {
                List<TopicPartition> partitions = description.partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
                // Fix the start now, so records produced from this moment on are printed.
                partitions.forEach(p -> consumer.position(p, connection.timeout()));
            }
            long lastProgress = System.nanoTime();
            int limit = maxMessages.orElse(Integer.MAX_VALUE);
            while (printed < limit) {
                if (idleTimeout.isPresent()
                        && System.nanoTime() - lastProgress > idleTimeout.get().toNanos()) {
                    break;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    out.println(printer.line(record));
                    done.put(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    printed++;
                    if (printed >= limit) {
                        break;
                    }
                }
                out.flush();
                if (!done.isEmpty()) {
                    lastProgress = System.nanoTime();
                    if (group.isPresent()) {
                        consumer.commitSync(done, connection.timeout());
                    }
                }
            }
        } catch (KafkaException e) {
            throw new CliException(
                    ExitCode.UNAVAILABLE,
                    "Could not consume topic '" + topic + "' at " + connection.bootstrapServers() + ": "
                            + Brokers.rootMessage(e),
                    e);
        }
        err.println(printed + (printed == 1 ? " event" : " events") + " printed from " + topic);
        return ExitCode.OK;
    }

    /** One record as one JSON line. */
    private static final class RecordPrinter {
        private final SchemaRegistryClient registry;
        private final Connection connection;
        private final AvroDeserializer<Object> avro;
        private final JsonSchemaDeserializer<JsonNode> json;

        RecordPrinter(SchemaRegistryClient registry, Connection connection) {
            this.registry = registry;
            this.connection = connection;
            this.avro = new AvroDeserializer<>(registry, Map.of());
            this.json = new JsonSchemaDeserializer<>(registry, Map.of());
        }

        String line(ConsumerRecord<String, byte[]> record) {
            ObjectNode line = JSON.createObjectNode();
            line.put("topic", record.topic());
            line.put("partition", record.partition());
            line.put("offset", record.offset());
            line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
            line.put("key", record.key());
            try {
                if (record.value() == null) {
                    line.putNull("schemaId");
                    line.putNull("eventType");
                    line.putNull("value");
                    return line.toString();
                }
                int id = WireFormat.schemaId(record.topic(), record.value());
                line.put("schemaId", id);
                SchemaDefinition writer = registry.schemaById(id);
                if (writer.type() == SchemaType.AVRO) {
                    Object value = avro.deserialize(record.topic(), record.value());
                    GenericContainer container = (GenericContainer) value;
                    line.put("eventType", container.getSchema().getFullName());
                    line.set("value", AvroToJson.toJson(value, container.getSchema()));
                } else if (writer.type() == SchemaType.JSON) {
                    line.put("eventType", title(writer.schema()));
                    line.set("value", json.deserialize(record.topic(), record.value()));
                } else {
                    line.put("error", "schema " + id + " is " + writer.type() + ", which this CLI does not decode");
                }
            } catch (PoisonRecordException e) {
                line.put("error", e.getMessage());
            } catch (SchemaRegistryException e) {
                if (!e.isNotFound()) {
                    throw registryUnavailable(e);
                }
                line.put("error", "the registry has no schema with the record's id: " + e.getMessage());
            } catch (SerializationException e) {
                if (e.getCause() instanceof SchemaRegistryException registryError && !registryError.isNotFound()) {
                    throw registryUnavailable(registryError);
                }
                line.put("error", e.getMessage());
            }
            return line.toString();
        }

        private CliException registryUnavailable(SchemaRegistryException e) {
            return new CliException(
                    ExitCode.UNAVAILABLE,
                    "Tried to fetch a writer schema from "
                            + connection.registryUrl() + " but failed because: " + e.getMessage()
                            + " — check --schema-registry-url (or " + Connection.REGISTRY_ENV
                            + ") and the credentials in --config",
                    e);
        }

        private static String title(String schema) {
            try {
                JsonNode title = JSON.readTree(schema).path("title");
                return title.isTextual() ? title.asText() : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
