package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.runtime.TestClients;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.testevents.TaskCompleted;
import io.github.eventcat.runtime.testevents.TaskCreated;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.github.eventcat.vocabulary.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** JSON Schema serdes through the real broker and registry. */
@WithRealServers
class JsonSerdeRealServersTest {
    private static final SerdeConfig TOPIC_RECORD =
            SerdeConfig.from(Map.of("value.subject.name.strategy", "topic_record"), false);

    @Test
    void jacksonRecordsRoundTripByTitleWithIdsCached(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "task-events-json";
        kafka.createTopic(topic, 2);
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        admin.register(topic + "-todo.TaskCreated", SchemaDefinition.json(TaskCreated.JSON_SCHEMA));
        admin.register(topic + "-todo.TaskCompleted", SchemaDefinition.json(TaskCompleted.JSON_SCHEMA));

        SchemaRegistryClient producerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaSerializer<Record> serializer = new JsonSchemaSerializer<>(
                producerClient,
                TOPIC_RECORD,
                false,
                List.of(JsonEventType.of(TaskCreated.class), JsonEventType.of(TaskCompleted.class)));
        UUID first = UUID.randomUUID();
        Instant due = Instant.parse("2026-03-01T09:30:00Z");
        try (KafkaProducer<String, Record> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "u1", new TaskCreated(first, "u1", "buy milk", due)));
            producer.send(new ProducerRecord<>(topic, "u1", new TaskCompleted(first, "u1")));
            producer.flush();
            long afterFirstOfEach = producerClient.requestCount();
            for (int i = 0; i < 48; i++) {
                producer.send(new ProducerRecord<>(
                        topic, "u" + i, new TaskCreated(UUID.randomUUID(), "u" + i, "task " + i, null)));
            }
            producer.flush();
            assertThat(producerClient.requestCount())
                    .isEqualTo(afterFirstOfEach)
                    .isEqualTo(2);
        }

        SchemaRegistryClient consumerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaDeserializer<Object> deserializer = new JsonSchemaDeserializer<>(
                consumerClient,
                Map.of("todo.TaskCreated", TaskCreated.class, "todo.TaskCompleted", TaskCompleted.class));
        List<ConsumerRecord<String, Object>> records =
                TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, deserializer, 50);

        assertThat(records).hasSize(50);
        assertThat(consumerClient.requestCount()).isEqualTo(2);
        assertThat(records)
                .extracting(ConsumerRecord::value)
                .contains(new TaskCreated(first, "u1", "buy milk", due), new TaskCompleted(first, "u1"));

        // On the wire: magic byte, id, then plain JSON with ISO-8601 time and no null fields.
        ConsumerRecord<String, byte[]> raw = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 50).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("buy milk"))
                .findFirst()
                .orElseThrow();
        assertThat(raw.value()[0]).isZero();
        assertThat(new String(Arrays.copyOfRange(raw.value(), 5, raw.value().length), StandardCharsets.UTF_8))
                .isEqualTo("{\"task_id\":\"" + first
                        + "\",\"user_id\":\"u1\",\"title\":\"buy milk\",\"due\":\"2026-03-01T09:30:00Z\"}");
    }

    @Test
    void validationCanBeTurnedOffAndUnknownTitlesStayJsonNodes(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "task-events-unvalidated";
        kafka.createTopic(topic, 1);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(
                client,
                SerdeConfig.from(Map.of("json.fail.invalid.schema", "false", "auto.register.schemas", "true"), false),
                false,
                List.of(JsonEventType.of(TaskCreated.class)));
        TaskCreated tooLong = new TaskCreated(UUID.randomUUID(), "u9", "a title well beyond twenty characters", null);
        try (KafkaProducer<String, TaskCreated> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "u9", tooLong));
        }
        assertThat(client.subjects()).contains(topic + "-value");

        JsonSchemaDeserializer<JsonNode> untyped = new JsonSchemaDeserializer<>(client, Map.of());
        List<ConsumerRecord<String, JsonNode>> records =
                TestClients.readAll(TestClients.consumerConfig(kafka.bootstrapServers()), topic, untyped, 1);
        assertThat(records).extracting(r -> r.value().path("title").asText()).containsExactly(tooLong.title());
    }

    record TaskData(String title, String priority) {}

    record Task(int id, TaskData data) {}

    @Test
    void aSchemaRegisteredWithReferencesIsFoundByItsReferencesAndValidatedThroughThem(
            EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "tasks-with-references";
        kafka.createTopic(topic, 1);
        // As registry:sync registers them: each referenced file under its title, references by $ref as written.
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        admin.register("Priority", SchemaDefinition.json(JsonSchemaValidationTest.PRIORITY));
        // A second version of TaskData: the reference must name the version holding the text we have.
        admin.register(
                "TaskData",
                SchemaDefinition.json(
                                JsonSchemaValidationTest.TASK_DATA.replace("\"title\", \"priority\"]", "\"title\"]"))
                        .withReferences(List.of(new SchemaReference("priority.json", "Priority", 1))));
        admin.register(
                "TaskData",
                SchemaDefinition.json(JsonSchemaValidationTest.TASK_DATA)
                        .withReferences(List.of(new SchemaReference("priority.json", "Priority", 1))));
        int taskId = admin.register(
                topic + "-value",
                SchemaDefinition.json(JsonSchemaValidationTest.TASK)
                        .withReferences(List.of(new SchemaReference("data/task_data.json", "TaskData", 2))));

        JsonSchemaSerializer<Task> serializer = new JsonSchemaSerializer<>(
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url())),
                SerdeConfig.defaults(),
                false,
                List.of(new JsonEventType<>(
                        Task.class, "Task", JsonSchemaValidationTest.TASK, JsonSchemaValidationTest.TASK_REFERENCES)));

        byte[] written = serializer.serialize(topic, new Task(7, new TaskData("file taxes", "high")));
        assertThat(WireFormat.schemaId(topic, written)).isEqualTo(taskId);
        assertThat(new String(Arrays.copyOfRange(written, 5, written.length), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":7,\"data\":{\"title\":\"file taxes\",\"priority\":\"high\"}}");
        assertThatThrownBy(() -> serializer.serialize(topic, new Task(8, new TaskData("file taxes", "urgent"))))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> assertThat(e.violations())
                        .extracting(JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/data/priority", "enum")));
    }

    @Test
    void aReferencedSchemaThatIsNotRegisteredIsNamedWithItsSubject(EmbeddedSchemaRegistry registry) {
        String topic = "tasks-missing-reference";
        JsonSchemaSerializer<Task> serializer = new JsonSchemaSerializer<>(
                new SchemaRegistryClient(RegistryClientConfig.of(registry.url())),
                SerdeConfig.defaults(),
                false,
                List.of(new JsonEventType<>(
                        Task.class,
                        "Task",
                        JsonSchemaValidationTest.TASK.replace("Task\"", "TaskX\""),
                        Map.of(
                                "data/task_data.json",
                                JsonSchemaValidationTest.TASK_DATA.replace("TaskData", "TaskDataX"),
                                "data/priority.json",
                                JsonSchemaValidationTest.PRIORITY.replace("Priority", "PriorityX")))));

        assertThatThrownBy(() -> serializer.serialize(topic, new Task(1, new TaskData("t", "low"))))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageContaining("priority.json")
                .hasMessageContaining("PriorityX")
                .hasMessageContaining("registry:sync");
    }
}
