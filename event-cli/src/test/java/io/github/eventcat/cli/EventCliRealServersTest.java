package io.github.eventcat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The CLI against the real in-JVM broker and the real registry, with the example catalog. */
@WithRealServers
class EventCliRealServersTest {
    private static final String CATALOG = "../generated-example/src/main/catalog";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORDER_ID = "8d3f8a52-0b5e-4a53-9a59-2a3a3c1e8a11";
    private static final String ORDER = """
      {"order_id": "%s",
       "customer": {"customer_id": "0f6d1c3e-3f7a-4a8e-bb11-6a2f3d9c4e21", "name": "Ada", "email": "ada@example.com"},
       "lines": [{"sku": "BRAKE-PAD", "quantity": 2, "unit_price": 12.75}],
       "total": "25.5",
       "occurred_on": "2024-05-01T10:15:30.250Z"}
      """.formatted(ORDER_ID).replace("\n", " ");
    private static final String USER_1 =
            "{\"userId\":\"3c7d3a52-5a8e-4c61-9f8a-1d2b3c4d5e6f\",\"email\":\"ann@example.com\",\"name\":\"Ann\","
                    + "\"created_at\":\"2024-05-01T10:15:30Z\"}";
    private static final String USER_2 =
            "{\"userId\":\"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b\",\"email\":\"bob@example.com\",\"name\":\"Bob\","
                    + "\"created_at\":\"2024-05-02T08:00:00Z\"}";

    private static Map<String, String> env;

    @BeforeAll
    static void topics(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        for (Map.Entry<String, Integer> topic : Map.of(
                        "order.placed", 6, "user.created", 1, "tickets", 3, "task-events", 3, "reminders", 1)
                .entrySet()) {
            if (!kafka.topicNames().contains(topic.getKey())) {
                kafka.createTopic(topic.getKey(), topic.getValue());
            }
        }
        env = Map.of("BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url());
    }

    @Test
    void avroEventPublishedFromJsonIsConsumedBack(EmbeddedSchemaRegistry registry) throws IOException {
        CliRun publish = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "order.placed",
                "--event",
                "order_placed",
                "--auto-register",
                "--value",
                ORDER);

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdoutLines()).hasSize(1);
        String[] printed = publish.stdoutLines().get(0).split(" ");
        assertThat(printed[0]).isEqualTo("order.placed");
        int subjectId = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url()))
                .latestVersion("order.placed-value")
                .id();

        CliRun consume = CliRun.run(
                "",
                env,
                "consume",
                "--topic",
                "order.placed",
                "--from-beginning",
                "--max-messages",
                "1",
                "--timeout",
                "30s");

        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        JsonNode line = JSON.readTree(consume.stdoutLines().get(0));
        assertThat(line.path("partition").asText()).isEqualTo(printed[1]);
        assertThat(line.path("offset").asText()).isEqualTo(printed[2]);
        assertThat(line.path("key").asText()).isEqualTo(ORDER_ID);
        assertThat(line.path("schemaId").asInt()).isEqualTo(subjectId);
        assertThat(line.path("eventType").asText()).isEqualTo("com.example.orders.OrderPlaced");
        JsonNode value = line.path("value");
        assertThat(value.path("order_id").asText()).isEqualTo(ORDER_ID);
        assertThat(value.path("customer").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(value.path("lines").get(0).path("unit_price").decimalValue()).isEqualByComparingTo("12.75");
        assertThat(value.path("total").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(value.path("occurred_on").asText()).isEqualTo("2024-05-01T10:15:30.250Z");
    }

    @Test
    void jsonSchemaEventsFromStdinAreConsumedBackWithKeys(EmbeddedSchemaRegistry registry) throws IOException {
        CliRun publish = CliRun.run(
                USER_1 + "\n" + USER_2 + "\n",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "user.created",
                "--event",
                "UserCreated",
                "--auto-register");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdoutLines()).hasSize(2).allMatch(l -> l.startsWith("user.created 0 "));
        int subjectId = SchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url()))
                .latestVersion("user.created-value")
                .id();

        CliRun consume = CliRun.run(
                "",
                env,
                "consume",
                "--topic",
                "user.created",
                "--from-beginning",
                "--group",
                "cli-test",
                "--max-messages",
                "2",
                "--timeout",
                "30s");

        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        List<JsonNode> lines = consume.stdoutLines().stream()
                .map(EventCliRealServersTest::parse)
                .toList();
        assertThat(lines)
                .extracting(l -> l.path("key").asText())
                .containsExactly("3c7d3a52-5a8e-4c61-9f8a-1d2b3c4d5e6f", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("partition").asInt()).isZero();
            assertThat(l.path("schemaId").asInt()).isEqualTo(subjectId);
            assertThat(l.path("eventType").asText()).isEqualTo("UserCreated");
        });
        assertThat(lines.get(1).path("value")).isEqualTo(parse(USER_2));
        assertThat(lines)
                .extracting(l -> l.path("offset").asText())
                .containsExactly(
                        publish.stdoutLines().get(0).split(" ")[2],
                        publish.stdoutLines().get(1).split(" ")[2]);
    }

    @Test
    void badJsonIsReportedWithItsLineAndNothingIsSent(EmbeddedKafka kafka) {
        String input = USER_1 + "\n" + "{\"userId\": }\n";

        CliRun publish = CliRun.run(
                input,
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "reminders",
                "--event",
                "task_reminder",
                "--auto-register");

        assertThat(publish.exitCode()).isEqualTo(1);
        assertThat(publish.stderr())
                .contains("Nothing was sent")
                .contains("document 2 (line 2, column ")
                .contains("[syntax]");
        assertThat(recordCount(kafka, "reminders")).isZero();
    }

    @Test
    void schemaViolationsNameFieldAndRuleAndNothingIsSent(EmbeddedKafka kafka) {
        String valid =
                "{\"occurred_on\":\"2024-05-01T10:15:30Z\",\"ticket_id\":\"4b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                        + "\"requester\":{\"email\":\"a@b.c\",\"name\":\"A\",\"surname\":\"B\",\"age\":40},\"repair_type\":\"bumper\"}";
        String invalid = "{\"occurred_on\":\"yesterday\",\"ticket_id\":\"4b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                + "\"requester\":{\"email\":\"a@b.c\",\"name\":\"A\",\"surname\":\"B\"},\"repair_type\":\"engine\"}";

        CliRun avro = CliRun.run(
                valid + "\n" + invalid + "\n",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "tickets",
                "--event",
                "ticket_opened",
                "--auto-register");

        assertThat(avro.exitCode()).isEqualTo(1);
        assertThat(avro.stderr())
                .contains("3 problems")
                .contains("document 2 (line 2): /occurred_on [format]")
                .contains("document 2 (line 2): /requester/age [required]")
                .contains("document 2 (line 2): /repair_type [enum]: must be one of [windshield, bumper, body]");
        assertThat(recordCount(kafka, "tickets")).isZero();

        String task = "{\"event_id\":\"not-a-uuid\",\"event_type\":\"created\",\"timestamp\":\"2024-05-01T10:15:30Z\","
                + "\"user_id\":\"u1\",\"task_id\":1,\"task_data\":{\"title\":\"Buy milk\",\"priority\":\"urgent\"},"
                + "\"metadata\":{\"source\":\"chat\",\"correlation_id\":\"c1\"}}";
        CliRun json = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "task-events",
                "--event",
                "task_event",
                "--auto-register",
                "--value",
                task);

        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.stderr()).contains("/event_id [format]").contains("/task_data/priority [enum]");
        assertThat(recordCount(kafka, "task-events")).isZero();
    }

    @Test
    void unknownTopicOrEventListsTheValidNames() {
        CliRun topic = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "orders",
                "--event",
                "order_placed",
                "--value",
                ORDER);
        assertThat(topic.exitCode()).isEqualTo(1);
        assertThat(topic.stderr())
                .contains("Topic 'orders' is not in the catalog")
                .contains("order.placed")
                .contains("task-events")
                .contains("tickets");

        CliRun event = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "tickets",
                "--event",
                "ticket_reopened",
                "--value",
                "{}");
        assertThat(event.exitCode()).isEqualTo(1);
        assertThat(event.stderr())
                .contains("Event 'ticket_reopened' is not on topic 'tickets'")
                .contains("ticket_opened (com.example.repairshop.TicketOpened)")
                .contains("ticket_closed (com.example.repairshop.TicketClosed)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard far above the 3 s asked for, not a measurement
    void unreachableBrokerGivesAClearErrorAndExitCode2(EmbeddedSchemaRegistry registry) throws IOException {
        Map<String, String> nowhere =
                Map.of("BOOTSTRAP_SERVERS", "127.0.0.1:" + unusedPort(), "SCHEMA_REGISTRY_URL", registry.url());

        long start = System.nanoTime();
        CliRun publish = CliRun.run(
                "",
                nowhere,
                "publish",
                "--catalog",
                CATALOG,
                "--topic",
                "order.placed",
                "--event",
                "order_placed",
                "--auto-register",
                "--connect-timeout",
                "3s",
                "--value",
                ORDER);
        CliRun consume = CliRun.run("", nowhere, "consume", "--topic", "order.placed", "--connect-timeout", "3s");
        System.out.printf(
                "both commands gave up after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

        assertThat(publish.exitCode()).isEqualTo(2);
        assertThat(publish.stdout()).isEmpty();
        assertThat(publish.stderr())
                .contains("Could not reach the Kafka broker at 127.0.0.1:")
                .contains("within 3 s");
        assertThat(consume.exitCode()).isEqualTo(2);
        assertThat(consume.stderr()).contains("Could not reach the Kafka broker at 127.0.0.1:");
    }

    @Test
    void withoutServerSettingsTheUsageErrorSaysWhatToSet() {
        CliRun run = CliRun.run("", Map.of(), "consume", "--topic", "order.placed");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .contains("No Kafka broker given")
                .contains("--bootstrap-servers")
                .contains("BOOTSTRAP_SERVERS")
                .contains("demo");
    }

    private static long recordCount(EmbeddedKafka kafka, String topic) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "key.deserializer",
                ByteArrayDeserializer.class.getName(),
                "value.deserializer",
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
