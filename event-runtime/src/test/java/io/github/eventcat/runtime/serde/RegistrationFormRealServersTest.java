package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Serializers given the catalog's registration form ({@code eventcat.registrations}) register and
 * look up exactly that form: the file texts, each referenced schema under its own subject first.
 */
@WithRealServers
class RegistrationFormRealServersTest {
    static final String ORDER_LINE = """
            {
              "type": "record",
              "name": "OrderLine",
              "namespace": "com.example.form",
              "fields": [{"name": "sku", "type": "string"}, {"name": "quantity", "type": "int"}]
            }
            """;
    static final String ORDER_PLACED = """
            {
              "type": "record",
              "name": "OrderPlaced",
              "namespace": "com.example.form",
              "fields": [
                {"name": "order_id", "type": "string"},
                {"name": "lines", "type": {"type": "array", "items": "OrderLine"}}
              ]
            }
            """;

    private static List<SchemaRegistration> avroForm(String topic) {
        return List.of(
                new SchemaRegistration("com.example.form.OrderLine", SchemaType.AVRO, ORDER_LINE, List.of()),
                new SchemaRegistration(
                        topic + "-value",
                        SchemaType.AVRO,
                        ORDER_PLACED,
                        List.of(new SubjectReference("com.example.form.OrderLine", "com.example.form.OrderLine"))));
    }

    private static GenericRecord orderPlaced() {
        Schema.Parser parser = new Schema.Parser();
        Schema line = parser.parse(ORDER_LINE);
        Schema placed = parser.parse(ORDER_PLACED);
        GenericRecord record = new GenericData.Record(placed);
        record.put("order_id", "o-1");
        GenericRecord orderLine = new GenericData.Record(line);
        orderLine.put("sku", "wheel");
        orderLine.put("quantity", 4);
        record.put("lines", List.of(orderLine));
        return record;
    }

    private static SerdeConfig config(List<SchemaRegistration> form, boolean autoRegister) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRATIONS, form);
        config.put(SerdeConfig.AUTO_REGISTER, Boolean.toString(autoRegister));
        return SerdeConfig.from(config, false);
    }

    private static SchemaRegistryClient client(EmbeddedSchemaRegistry registry) {
        return new SchemaRegistryClient(RegistryClientConfig.of(registry.url()));
    }

    @Test
    void avroAutoRegistrationRegistersTheFileTextWithItsReferenceUnderItsOwnSubject(EmbeddedSchemaRegistry registry) {
        String topic = "form-orders-auto";
        AvroSerializer<GenericRecord> serializer =
                new AvroSerializer<>(client(registry), config(avroForm(topic), true), false);

        int id = WireFormat.schemaId(topic, serializer.serialize(topic, orderPlaced()));
        // Another producer, later: nothing new.
        new AvroSerializer<GenericRecord>(client(registry), config(avroForm(topic), true), false)
                .serialize(topic, orderPlaced());

        SchemaRegistryClient admin = client(registry);
        assertThat(admin.versions("com.example.form.OrderLine")).containsExactly(1);
        assertThat(admin.version("com.example.form.OrderLine", 1).definition().schema())
                .isEqualTo(ORDER_LINE);
        assertThat(admin.versions(topic + "-value")).containsExactly(1);
        RegisteredSchema event = admin.version(topic + "-value", 1);
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.definition().schema()).isEqualTo(ORDER_PLACED);
        assertThat(event.definition().references())
                .containsExactly(new SchemaReference("com.example.form.OrderLine", "com.example.form.OrderLine", 1));
    }

    @Test
    void avroLookupFindsTheFormAsSyncRegisteredIt(EmbeddedSchemaRegistry registry) {
        String topic = "form-orders-lookup";
        List<SchemaRegistration> form = avroForm(topic);
        SchemaRegistryClient admin = client(registry);
        admin.register("com.example.form.OrderLine", form.get(0).definition(Map.of()));
        int synced = admin.register(topic + "-value", form.get(1).definition(Map.of("com.example.form.OrderLine", 1)));

        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client(registry), config(form, false), false);

        assertThat(WireFormat.schemaId(topic, serializer.serialize(topic, orderPlaced())))
                .isEqualTo(synced);
    }

    @Test
    void aFormThatIsNotTheRecordsSchemaIsRefused(EmbeddedSchemaRegistry registry) {
        String topic = "form-orders-other";
        List<SchemaRegistration> form = List.of(
                avroForm(topic).get(0),
                new SchemaRegistration(
                        topic + "-value",
                        SchemaType.AVRO,
                        ORDER_PLACED.replace("\"order_id\"", "\"id\""),
                        avroForm(topic).get(1).references()));
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>(client(registry), config(form, true), false);

        assertThatThrownBy(() -> serializer.serialize(topic, orderPlaced()))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageContaining("is not the schema of com.example.form.OrderPlaced");
        assertThat(client(registry).subjects()).doesNotContain(topic + "-value");
    }

    @Test
    void aFormReferencingASubjectItDoesNotHoldIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> config(List.of(avroForm("x").get(1)), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-value references com.example.form.OrderLine");
    }

    @Test
    void jsonAutoRegistrationRegistersEachReferencedFileFirst(EmbeddedSchemaRegistry registry) {
        String topic = "form-tasks-auto";
        List<SchemaRegistration> form = List.of(
                new SchemaRegistration("FormPriority", SchemaType.JSON, JsonSchemaValidationTest.PRIORITY, List.of()),
                new SchemaRegistration(
                        "FormTaskData",
                        SchemaType.JSON,
                        JsonSchemaValidationTest.TASK_DATA,
                        List.of(new SubjectReference("priority.json", "FormPriority"))),
                new SchemaRegistration(
                        topic + "-value",
                        SchemaType.JSON,
                        JsonSchemaValidationTest.TASK,
                        List.of(new SubjectReference("data/task_data.json", "FormTaskData"))));
        List<JsonEventType<?>> types = List.of(new JsonEventType<>(
                JsonSerdeRealServersTest.Task.class,
                "Task",
                JsonSchemaValidationTest.TASK,
                JsonSchemaValidationTest.TASK_REFERENCES));
        JsonSchemaSerializer<Object> serializer =
                new JsonSchemaSerializer<>(client(registry), config(form, true), false, types);

        int id = WireFormat.schemaId(
                topic,
                serializer.serialize(
                        topic,
                        new JsonSerdeRealServersTest.Task(
                                1, new JsonSerdeRealServersTest.TaskData("file taxes", "high"))));
        JsonSchemaSerializer<Object> lookingUp =
                new JsonSchemaSerializer<>(client(registry), config(form, false), false, types);
        int found = WireFormat.schemaId(
                topic,
                lookingUp.serialize(
                        topic,
                        new JsonSerdeRealServersTest.Task(2, new JsonSerdeRealServersTest.TaskData("walk", "low"))));

        SchemaRegistryClient admin = client(registry);
        assertThat(found).isEqualTo(id);
        assertThat(admin.versions("FormPriority")).containsExactly(1);
        assertThat(admin.versions("FormTaskData")).containsExactly(1);
        assertThat(admin.version("FormTaskData", 1).definition().references())
                .containsExactly(new SchemaReference("priority.json", "FormPriority", 1));
        assertThat(admin.versions(topic + "-value")).containsExactly(1);
        RegisteredSchema event = admin.version(topic + "-value", 1);
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.definition().schema()).isEqualTo(JsonSchemaValidationTest.TASK);
        assertThat(event.definition().references())
                .containsExactly(new SchemaReference("data/task_data.json", "FormTaskData", 1));
    }
}
