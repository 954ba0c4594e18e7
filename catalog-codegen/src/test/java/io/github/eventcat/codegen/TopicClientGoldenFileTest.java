package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.Catalog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-topic producers, handlers, consumers and the constants class, compared whole with
 * {@code src/test/resources/golden/topic-clients/<catalog>/} and compiled (with the records)
 * against the event runtime. Regenerate the expected files with {@code -Dgolden.update=true} and
 * review the diff.
 */
class TopicClientGoldenFileTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/topic-clients");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"topic-clients", "union"})
    void generatedClientsMatchTheGoldenFilesAndCompile(String name) throws IOException {
        Catalog catalog = Fixtures.catalog(name);
        List<GeneratedFile> clients = new CodeGenerator(TopicSources.contributors()).generateInMemory(request(catalog));

        assertMatchesGoldenFiles(name, clients);

        Compiler.compile(
                CodeGenerator.standard().generateInMemory(request(catalog)),
                temp.resolve("src"),
                temp.resolve("classes"));
    }

    @Test
    void outboxProducersAreGeneratedWhenAskedForAndCompileAgainstTheOutbox() throws Exception {
        Catalog catalog = Fixtures.catalog("topic-clients");
        GenerationRequest outbox = new GenerationRequest(
                catalog, CodegenConfiguration.defaults(temp.resolve("unused")).withOutbox(true));
        CodeGenerator clients = new CodeGenerator(TopicSources.contributors());
        List<GeneratedFile> withOutbox = clients.generateInMemory(outbox);

        List<GeneratedFile> outboxProducers = withOutbox.stream()
                .filter(f -> f.path().endsWith("OutboxProducer.java"))
                .toList();
        assertMatchesGoldenFiles("topic-clients-outbox", outboxProducers);
        assertThat(withOutbox.stream().filter(f -> !outboxProducers.contains(f)).toList())
                .as("the other clients do not depend on the flag")
                .isEqualTo(clients.generateInMemory(request(catalog)));

        ClassLoader loader = Compiler.compile(
                CodeGenerator.standard().generateInMemory(outbox), temp.resolve("src"), temp.resolve("classes"));
        Class<?> producer = loader.loadClass("com.example.shop.OrderPlacedOutboxProducer");
        assertThat(Arrays.stream(producer.getDeclaredMethods())
                        .filter(m -> m.getName().equals("add") && Modifier.isPublic(m.getModifiers()))
                        .map(m -> Arrays.stream(m.getParameterTypes())
                                .map(Class::getSimpleName)
                                .toList()))
                .containsExactlyInAnyOrder(
                        List.of("Connection", "OrderPlaced"),
                        List.of("Connection", "OrderPlaced", "Map"),
                        List.of("Connection", "OrderCancelled"),
                        List.of("Connection", "OrderCancelled", "Map"));
    }

    @Test
    void consumersOfTopicsWithEventIdsTakeAProcessedEventStore() throws Exception {
        Catalog catalog = Fixtures.catalog("topic-clients");
        ClassLoader loader = Compiler.compile(
                CodeGenerator.standard().generateInMemory(request(catalog)),
                temp.resolve("src"),
                temp.resolve("classes"));

        assertThat(constructors(loader.loadClass("com.example.shop.OrderPlacedConsumer")))
                .containsExactlyInAnyOrder(
                        List.of("Map", "OrderPlacedHandler"),
                        List.of("Map", "OrderPlacedHandler", "SchemaRegistryClient"),
                        List.of("Map", "OrderPlacedHandler", "ProcessedEventStore"),
                        List.of("Map", "OrderPlacedHandler", "SchemaRegistryClient", "ProcessedEventStore"));
    }

    @Test
    void consumersOfTopicsWithoutEventIdsDoNotOfferDeduplication() throws Exception {
        Catalog catalog = Fixtures.catalog("union");
        ClassLoader loader = Compiler.compile(
                CodeGenerator.standard().generateInMemory(request(catalog)),
                temp.resolve("src"),
                temp.resolve("classes"));

        assertThat(constructors(loader.loadClass("com.example.unions.PaymentsConsumer")))
                .containsExactlyInAnyOrder(
                        List.of("Map", "PaymentsHandler"), List.of("Map", "PaymentsHandler", "SchemaRegistryClient"));
    }

    @Test
    void sameCatalogGivesByteIdenticalClients() {
        Catalog catalog = Fixtures.catalog("topic-clients");
        CodeGenerator generator = new CodeGenerator(TopicSources.contributors());
        assertThat(generator.generateInMemory(request(catalog)))
                .isEqualTo(generator.generateInMemory(request(Fixtures.catalog("topic-clients"))));
    }

    @Test
    void theExampleCatalogGetsOneProducerHandlerAndConsumerPerTopic() throws Exception {
        Catalog catalog = ExampleCatalog.load();
        List<GeneratedFile> files = CodeGenerator.standard().generateInMemory(request(catalog));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        assertThat(files)
                .extracting(GeneratedFile::path)
                .contains(
                        "com/example/events/OrderPlacedProducer.java",
                        "com/example/events/TaskEventsProducer.java",
                        "com/example/events/TaskEventsHandler.java",
                        "com/example/events/TaskEventsConsumer.java",
                        "com/example/events/UserCreatedConsumer.java",
                        "com/example/events/EventCatalog.java");
        Class<?> producer = loader.loadClass("com.example.events.TicketsProducer");
        assertThat(sendOverloads(producer))
                .containsExactlyInAnyOrder(
                        "send(com.example.repairshop.TicketClosed)",
                        "send(com.example.repairshop.TicketClosed,java.util.Map)",
                        "send(com.example.repairshop.TicketOpened)",
                        "send(com.example.repairshop.TicketOpened,java.util.Map)");
        Class<?> handler = loader.loadClass("com.example.events.TicketsHandler");
        assertThat(Arrays.stream(handler.getMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("onTicketOpened", "onTicketClosed");
        Class<?> tickets = loader.loadClass("com.example.events.EventCatalog$Tickets");
        assertThat(tickets.getField("SUBJECTS").get(null))
                .isEqualTo(List.of(
                        "tickets-com.example.repairshop.TicketClosed", "tickets-com.example.repairshop.TicketOpened"));
        assertThat(tickets.getField("EVENT_TYPES").get(null))
                .isEqualTo(Map.of(
                        "com.example.repairshop.TicketOpened",
                        loader.loadClass("com.example.repairshop.TicketOpened"),
                        "com.example.repairshop.TicketClosed",
                        loader.loadClass("com.example.repairshop.TicketClosed")));
        Class<?> taskEvents = loader.loadClass("com.example.events.EventCatalog$TaskEvents");
        assertThat(taskEvents.getField("NAME").get(null)).isEqualTo("task-events");
        assertThat(loader.loadClass("com.example.events.EventCatalog")
                        .getField("TOPICS")
                        .get(null))
                .isEqualTo(List.of(
                        "appointments",
                        "order.placed",
                        "payments",
                        "reminders",
                        "task-events",
                        "task-updates",
                        "tickets",
                        "user.created"));
    }

    @Test
    void aTopicMixingAvroAndJsonSchemaEventsIsReported(@TempDir Path catalogDir) throws IOException {
        Path dir = Fixtures.copy("topic-clients", catalogDir.resolve("c"));
        Path manifest = dir.resolve("catalog.yaml");
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replace(
                                "      - schemas/order_cancelled.avsc\n",
                                "      - schemas/order_cancelled.avsc\n      - schemas/order_noted.json\n"));
        Files.writeString(dir.resolve("schemas/order_noted.json"), """
        {"title": "OrderNoted", "type": "object",
         "properties": {"order_id": {"type": "string", "format": "uuid"}},
         "required": ["order_id"]}
        """);
        Catalog catalog = io.github.eventcat.catalog.CatalogLoader.load(dir);

        assertThatThrownBy(() -> CodeGenerator.standard().generateInMemory(request(catalog)))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .extracting(CodegenProblem::toString)
                        .containsExactly("catalog.yaml:#/topics/order.placed: topic \"order.placed\" carries"
                                + " both Avro and JSON Schema events; a generated producer serializes one format"
                                + " per topic — move the events of the other format to a topic of their own"));
    }

    private GenerationRequest request(Catalog catalog) {
        return new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve("unused")));
    }

    /** The public constructors' parameter types, by simple name. */
    private static List<List<String>> constructors(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .map(c -> Arrays.stream(c.getParameterTypes())
                        .map(Class::getSimpleName)
                        .toList())
                .toList();
    }

    private static void assertMatchesGoldenFiles(String name, List<GeneratedFile> files) throws IOException {
        Path goldenDir = GOLDEN.resolve(name);
        if (UPDATE) {
            GoldenFiles.update(goldenDir, files);
        }
        Map<String, String> actual = new TreeMap<>();
        files.forEach(f -> actual.put(f.path(), f.content()));
        Map<String, String> expected = GoldenFiles.read(goldenDir);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, content) -> assertThat(content)
                .as("%s/%s (regenerate with -Dgolden.update=true)", name, path)
                .isEqualTo(expected.get(path)));
    }

    private static List<String> sendOverloads(Class<?> producer) {
        return Arrays.stream(producer.getDeclaredMethods())
                .filter(m -> m.getName().equals("send") && Modifier.isPublic(m.getModifiers()))
                .map(m -> "send("
                        + String.join(
                                ",",
                                Arrays.stream(m.getParameterTypes())
                                        .map(Class::getName)
                                        .toList()) + ")")
                .toList();
    }
}
