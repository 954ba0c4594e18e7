package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.eventcat.catalog.Catalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the generated JSON records and proves Jackson reads and writes exactly the schema's
 * JSON: the todo app's documents come back unchanged, missing required properties fail.
 */
class JsonRoundTripTest {
    /**
     * Configured as the runtime's mapper must be: java.time support, and decimals kept as decimals
     * (without it Jackson buffers a union's numbers as doubles, and 12.50 comes back as 12.5).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path temp;

    private static ClassLoader example;
    private static ClassLoader unions;

    @BeforeAll
    static void compile() throws IOException {
        example = generateAndCompile(ExampleCatalog.load(), "example");
        unions = generateAndCompile(Fixtures.catalog("union"), "union");
    }

    private static ClassLoader generateAndCompile(Catalog catalog, String name) throws IOException {
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(
                        new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve(name + "-unused"))));
        return Compiler.compile(files, temp.resolve(name + "-src"), temp.resolve(name + "-classes"));
    }

    @Test
    void taskEventExampleRoundTripsExactly() throws Exception {
        assertRoundTrip(example, "com.example.events.TaskEvent", "/documents/task-event.json");
    }

    @Test
    void reminderWithDigitLeadingEnumValueRoundTripsExactly() throws Exception {
        Object reminder = assertRoundTrip(example, "com.example.events.TaskReminder", "/documents/reminder.json");
        Object type = reminder.getClass().getMethod("reminderType").invoke(reminder);
        assertThat(((Enum<?>) type).name()).isEqualTo("ONE_HOUR_BEFORE");
    }

    @Test
    void taskUpdateWithSharedPriorityEnumRoundTripsExactly() throws Exception {
        assertRoundTrip(example, "com.example.events.TaskUpdate", "/documents/task-update.json");
    }

    @Test
    void readValuesHaveTheMappedJavaTypes() throws Exception {
        Object event = read(example, "com.example.events.TaskEvent", document("/documents/task-event.json"));
        Object data = event.getClass().getMethod("taskData").invoke(event);
        assertThat(event.getClass().getMethod("eventId").invoke(event)).isInstanceOf(java.util.UUID.class);
        assertThat(event.getClass().getMethod("timestamp").invoke(event)).isInstanceOf(java.time.Instant.class);
        assertThat(event.getClass().getMethod("taskId").getReturnType()).isEqualTo(int.class);
        assertThat(data.getClass().getMethod("recurring").invoke(data)).isNull();
        assertThat(data.getClass().getMethod("priority").invoke(data).getClass().getName())
                .isEqualTo("com.example.events.Priority");
    }

    @Test
    void missingRequiredPropertyFailsNamingIt() {
        ObjectNode json = document("/documents/task-event.json");
        json.remove("metadata");
        assertThatThrownBy(() -> read(example, "com.example.events.TaskEvent", json))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("'metadata'");
    }

    @Test
    void missingRequiredPrimitiveFails() {
        ObjectNode json = document("/documents/task-event.json");
        json.remove("task_id");
        assertThatThrownBy(() -> read(example, "com.example.events.TaskEvent", json))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("'task_id'");
    }

    @Test
    void missingRequiredPropertyOfNestedRecordFails() {
        ObjectNode json = document("/documents/task-event.json");
        ((ObjectNode) json.get("metadata")).remove("correlation_id");
        assertThatThrownBy(() -> read(example, "com.example.events.TaskEvent", json))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("'correlation_id'");
    }

    @Test
    void nullForRequiredPropertyFailsNamingTheWireProperty() {
        ObjectNode json = document("/documents/task-event.json");
        json.putNull("user_id");
        assertThatThrownBy(() -> read(example, "com.example.events.TaskEvent", json))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("property \"user_id\" of TaskEvent is required");
    }

    @Test
    void unknownPropertyFailsWhenTheSchemaForbidsAdditionalProperties() {
        ObjectNode json = document("/documents/task-event.json");
        json.put("surprise", 1);
        assertThatThrownBy(() -> read(example, "com.example.events.TaskEvent", json))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("surprise");
    }

    @Test
    void absentOptionalPropertyStaysAbsent() throws Exception {
        ObjectNode json = document("/documents/task-event.json");
        ((ObjectNode) json.get("task_data")).remove(List.of("tags", "due_date"));
        Object event = read(example, "com.example.events.TaskEvent", json);
        assertThat((JsonNode) MAPPER.valueToTree(event)).isEqualTo(json);
    }

    @Test
    void builderMakesTheSameRecordAsJackson() throws Exception {
        Class<?> type = example.loadClass("com.example.events.TaskEvent");
        Object read = read(example, type.getName(), document("/documents/task-event.json"));
        Object builder = type.getMethod("builder").invoke(null);
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            builder.getClass()
                    .getMethod(component.getName(), component.getType())
                    .invoke(builder, component.getAccessor().invoke(read));
        }
        assertThat(builder.getClass().getMethod("build").invoke(builder)).isEqualTo(read);
    }

    @Test
    void builderRefusesAMissingRequiredPrimitive() throws Exception {
        Object builder = example.loadClass("com.example.events.TaskEvent")
                .getMethod("builder")
                .invoke(null);
        assertThatThrownBy(() -> builder.getClass().getMethod("build").invoke(builder))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("property \"task_id\" of TaskEvent is required");
    }

    @Test
    void unionPicksTheRecordByDiscriminatorAndKeepsDecimalsExact() throws Exception {
        // Text, not a tree: Jackson's trees strip trailing zeros of decimals.
        String json = "{\"kind\":\"refunded\",\"payment_id\":\"p-1\",\"amount\":12345678901234.50}";
        Object event = read(unions, "com.example.unions.PaymentEvents", json);
        assertThat(event.getClass().getName()).isEqualTo("com.example.unions.PaymentRefunded");
        assertThat(event.getClass().getMethod("amount").invoke(event)).isEqualTo(new BigDecimal("12345678901234.50"));
        assertThat(MAPPER.writeValueAsString(event)).isEqualTo(json);
    }

    @Test
    void unionWithoutDiscriminatorDeducesTheRecordFromItsProperties() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree("{\"kind\":\"authorized\",\"payment_id\":\"p-1\","
                + "\"method\":{\"iban\":\"DE02120300000000202051\"}}");
        Object event = read(unions, "com.example.unions.PaymentEvents", json);
        Object method = event.getClass().getMethod("method").invoke(event);
        assertThat(method.getClass().getName()).isEqualTo("com.example.unions.PaymentAuthorized$Method$BankTransfer");
        assertThat((JsonNode) MAPPER.valueToTree(event)).isEqualTo(json);
    }

    @Test
    void constPropertyRefusesAnotherValue() throws Exception {
        Class<?> refunded = unions.loadClass("com.example.unions.PaymentRefunded");
        java.lang.reflect.Constructor<?> constructor =
                refunded.getDeclaredConstructor(String.class, String.class, BigDecimal.class);
        assertThatThrownBy(() -> constructor.newInstance("authorized", "p-1", BigDecimal.ONE))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("property \"kind\" of PaymentRefunded must be \"refunded\", not \"authorized\"");
    }

    @Test
    void offsetDateTimeKeepsTheOffsetOnTheWire() throws Exception {
        CodegenConfiguration configuration =
                CodegenConfiguration.defaults(temp.resolve("o-unused")).withDateTimeType(DateTimeType.OFFSET_DATE_TIME);
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(Fixtures.catalog("json-types"), configuration));
        ClassLoader loader = Compiler.compile(files, temp.resolve("o-src"), temp.resolve("o-classes"));
        ObjectNode json = (ObjectNode)
                MAPPER.readTree("{\"from\":\"2024-01-20T18:00:00+02:00\",\"to\":\"2024-01-20T19:30:00-05:00\"}");
        Object window = read(loader, "com.example.jsontypes.TimeWindow", json);
        assertThat(window.getClass().getMethod("from").invoke(window))
                .isEqualTo(OffsetDateTime.parse("2024-01-20T18:00:00+02:00"));
        assertThat((JsonNode) MAPPER.valueToTree(window)).isEqualTo(json);
    }

    private static Object assertRoundTrip(ClassLoader loader, String type, String resource) throws Exception {
        ObjectNode original = document(resource);
        Object value = read(loader, type, original);
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));
        assertThat(written).isEqualTo(original);
        return value;
    }

    private static Object read(ClassLoader loader, String type, ObjectNode json) throws Exception {
        return read(loader, type, MAPPER.writeValueAsString(json));
    }

    private static Object read(ClassLoader loader, String type, String json) throws Exception {
        // Jackson resolves deduced subtypes by class name through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return MAPPER.readValue(json, loader.loadClass(type));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ObjectNode document(String resource) {
        try {
            return (ObjectNode) MAPPER.readTree(Fixtures.read(resource));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
