package io.github.eventcat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --examples} against the real broker and registry: the example catalog's examples
 * (Avro in Avro's JSON encoding, JSON Schema as is) are sent and consumed back. The catalog is a
 * copy whose topics have their own names, so that other tests counting records on the example
 * topics see none of these.
 */
@WithRealServers
class EventCliExamplesTest {
    private static final Path EXAMPLE = Path.of("../generated-example/src/main/catalog");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static String catalog;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws IOException {
        Path copy = temp.resolve("catalog");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(EXAMPLE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path manifest = copy.resolve("catalog.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest, StandardCharsets.UTF_8)
                        .replace("\n  tickets:\n", "\n  examples.tickets:\n")
                        .replace("\n  task-events:\n", "\n  examples.task-events:\n"),
                StandardCharsets.UTF_8);
        catalog = copy.toString();
        for (String topic : new String[] {"examples.tickets", "examples.task-events"}) {
            if (!kafka.topicNames().contains(topic)) {
                kafka.createTopic(topic, 1);
            }
        }
        env = Map.of("BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url());
    }

    @Test
    void anAvroTopicsExamplesAreSentAndConsumedBack() throws IOException {
        CliRun publish = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                catalog,
                "--topic",
                "examples.tickets",
                "--examples",
                "--auto-register");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stderr())
                .contains("Publishing 1 example(s) to examples.tickets: examples/repairshop/ticket_opened.json");
        assertThat(publish.stdoutLines()).singleElement().asString().startsWith("examples.tickets 0 ");

        CliRun consume = CliRun.run(
                "",
                env,
                "consume",
                "--topic",
                "examples.tickets",
                "--from-beginning",
                "--max-messages",
                "1",
                "--timeout",
                "30s");

        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        JsonNode line = JSON.readTree(consume.stdoutLines().get(0));
        assertThat(line.path("key").asText()).isEqualTo("3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f");
        assertThat(line.path("eventType").asText()).isEqualTo("com.example.repairshop.TicketOpened");
        assertThat(line.path("value").path("requester").path("surname").asText())
                .isEqualTo("Silva");
        assertThat(line.path("value").path("requester").path("age").asInt()).isEqualTo(34);
        assertThat(line.path("value").path("repair_type").asText()).isEqualTo("windshield");
    }

    @Test
    void oneJsonEventsExamplesAreSentAsWritten() throws IOException {
        CliRun publish = CliRun.run(
                "",
                env,
                "publish",
                "--catalog",
                catalog,
                "--topic",
                "examples.task-events",
                "--event",
                "task_event",
                "--examples",
                "--auto-register");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stdoutLines()).hasSize(1);

        CliRun consume = CliRun.run(
                "",
                env,
                "consume",
                "--topic",
                "examples.task-events",
                "--from-beginning",
                "--max-messages",
                "1",
                "--timeout",
                "30s");

        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        JsonNode line = JSON.readTree(consume.stdoutLines().get(0));
        assertThat(line.path("key").asText()).isEqualTo("user-42");
        assertThat(line.path("value"))
                .isEqualTo(JSON.readTree(
                        EXAMPLE.resolve("examples/todo/task_event.json").toFile()));
    }

    @Test
    void aTopicWithoutExamplesSaysHowToAddThem() {
        CliRun publish = CliRun.run(
                "", env, "publish", "--catalog", catalog, "--topic", "appointments", "--examples", "--dry-run");

        assertThat(publish.exitCode()).isNotZero();
        assertThat(publish.stderr())
                .contains("Topic 'appointments' has no examples in the catalog: list them in"
                        + " catalog.yaml, e.g. {schema: schemas/repairshop/appointment_booked.avsc, examples:"
                        + " [examples/appointment_booked.json]}");
    }

    @Test
    void examplesTakeNoValue() {
        CliRun publish = CliRun.run(
                "", env, "publish", "--catalog", catalog, "--topic", "examples.tickets", "--examples", "--value", "{}");

        assertThat(publish.exitCode()).isNotZero();
        assertThat(publish.stderr()).contains("--examples publishes the catalog's examples: give no --value or --file");
    }

    @Test
    void aDryRunChecksWithoutServers() {
        CliRun publish = CliRun.run(
                "",
                Map.of(),
                "publish",
                "--catalog",
                catalog,
                "--topic",
                "examples.tickets",
                "--examples",
                "--dry-run");

        assertThat(publish.exitCode()).as(publish.stderr()).isZero();
        assertThat(publish.stderr())
                .contains("1 example(s) of topic examples.tickets match their schemas"
                        + " (examples/repairshop/ticket_opened.json); nothing sent (--dry-run)");
    }
}
