package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

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

/** JSON Schema serdes through the real broker and registry. */
@WithRealServers
class JsonSerdeRealServersTest {
    private static final SerdeConfig TOPIC_RECORD = SerdeConfig.from(Map.of("value.subject.name.strategy", "topic_record"), false);

    @Test
    void jacksonRecordsRoundTripByTitleWithIdsCached(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "task-events-json";
        kafka.createTopic(topic, 2);
        SchemaRegistryClient admin = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        admin.register(topic + "-todo.TaskCreated", SchemaDefinition.json(TaskCreated.JSON_SCHEMA));
        admin.register(topic + "-todo.TaskCompleted", SchemaDefinition.json(TaskCompleted.JSON_SCHEMA));

        SchemaRegistryClient producerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaSerializer<Record> serializer = new JsonSchemaSerializer<>(producerClient, TOPIC_RECORD, false,
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
                producer.send(new ProducerRecord<>(topic, "u" + i, new TaskCreated(UUID.randomUUID(), "u" + i, "task " + i, null)));
            }
            producer.flush();
            assertThat(producerClient.requestCount()).isEqualTo(afterFirstOfEach).isEqualTo(2);
        }

        SchemaRegistryClient consumerClient = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaDeserializer<Object> deserializer = new JsonSchemaDeserializer<>(consumerClient,
                Map.of("todo.TaskCreated", TaskCreated.class, "todo.TaskCompleted", TaskCompleted.class));
        List<ConsumerRecord<String, Object>> records = TestClients.readAll(
                TestClients.consumerConfig(kafka.bootstrapServers()), topic, deserializer, 50);

        assertThat(records).hasSize(50);
        assertThat(consumerClient.requestCount()).isEqualTo(2);
        assertThat(records).extracting(ConsumerRecord::value)
                .contains(new TaskCreated(first, "u1", "buy milk", due), new TaskCompleted(first, "u1"));

        // On the wire: magic byte, id, then plain JSON with ISO-8601 time and no null fields.
        ConsumerRecord<String, byte[]> raw = TestClients.readAllBytes(kafka.bootstrapServers(), topic, 50).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("buy milk")).findFirst().orElseThrow();
        assertThat(raw.value()[0]).isZero();
        assertThat(new String(Arrays.copyOfRange(raw.value(), 5, raw.value().length), StandardCharsets.UTF_8))
                .isEqualTo("{\"task_id\":\"" + first + "\",\"user_id\":\"u1\",\"title\":\"buy milk\",\"due\":\"2026-03-01T09:30:00Z\"}");
    }

    @Test
    void validationCanBeTurnedOffAndUnknownTitlesStayJsonNodes(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        String topic = "task-events-unvalidated";
        kafka.createTopic(topic, 1);
        SchemaRegistryClient client = new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(client,
                SerdeConfig.from(Map.of("json.fail.invalid.schema", "false", "auto.register.schemas", "true"), false), false,
                List.of(JsonEventType.of(TaskCreated.class)));
        TaskCreated tooLong = new TaskCreated(UUID.randomUUID(), "u9", "a title well beyond twenty characters", null);
        try (KafkaProducer<String, TaskCreated> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "u9", tooLong));
        }
        assertThat(client.subjects()).contains(topic + "-value");

        JsonSchemaDeserializer<JsonNode> untyped = new JsonSchemaDeserializer<>(client, Map.of());
        List<ConsumerRecord<String, JsonNode>> records = TestClients.readAll(
                TestClients.consumerConfig(kafka.bootstrapServers()), topic, untyped, 1);
        assertThat(records).extracting(r -> r.value().path("title").asText()).containsExactly(tooLong.title());
    }
}
