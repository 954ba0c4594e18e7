package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.testevents.TaskCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Validation happens before any registry call, so these need no registry (the URL is never contacted). */
class JsonSchemaValidationTest {
    private final SchemaRegistryClient unreachable =
            new SchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:9"));

    @Test
    void reportsEveryViolationWithEventPointerAndRule() {
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(
                unreachable, SerdeConfig.defaults(), false, List.of(JsonEventType.of(TaskCreated.class)));
        TaskCreated invalid = new TaskCreated(UUID.randomUUID(), "", "a title that is far too long", Instant.EPOCH);

        assertThatThrownBy(() -> serializer.serialize("task-events", invalid))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("todo.TaskCreated");
                    assertThat(e.violations())
                            .extracting(
                                    JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("/title", "maxLength"),
                                    org.assertj.core.groups.Tuple.tuple("/user_id", "minLength"));
                    assertThat(e.getMessage())
                            .contains(
                                    "todo.TaskCreated",
                                    "task-events",
                                    "/title [maxLength]",
                                    "json.fail.invalid.schema=false");
                });
        assertThat(unreachable.requestCount()).isZero();
    }

    @Test
    void pointsAtAMissingRequiredField() {
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(
                unreachable, SerdeConfig.defaults(), false, List.of(JsonEventType.of(TaskCreated.class)));

        assertThatThrownBy(
                        () -> serializer.serialize("task-events", new TaskCreated(UUID.randomUUID(), "u1", null, null)))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> assertThat(e.violations())
                        .extracting(JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/title", "required")));
    }

    @Test
    void eventTypeTakesItsNameFromTheSchemaTitle() {
        assertThat(JsonEventType.of(TaskCreated.class).name()).isEqualTo("todo.TaskCreated");
        assertThatThrownBy(() -> JsonEventType.of(String.class)).hasMessageContaining("JSON_SCHEMA");
    }

    // A schema using another file, which uses a third one: task.json → data/task_data.json → priority.json.
    static final String TASK = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Task", "type": "object",
             "properties": {"id": {"type": "integer"}, "data": {"$ref": "data/task_data.json"}},
             "required": ["id", "data"], "additionalProperties": false}""";
    static final String TASK_DATA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "TaskData", "type": "object",
             "properties": {"title": {"type": "string"}, "priority": {"$ref": "priority.json#"}},
             "required": ["title", "priority"]}""";
    static final String PRIORITY = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Priority", "type": "string",
             "enum": ["low", "medium", "high"]}""";
    static final Map<String, String> TASK_REFERENCES =
            Map.of("data/task_data.json", TASK_DATA, "data/priority.json", PRIORITY);

    @Test
    void resolvesReferencesToOtherFilesAndPointsIntoTheNestedValue() throws Exception {
        JsonEventType<Object> type = new JsonEventType<>(Object.class, "Task", TASK, TASK_REFERENCES);
        JsonSchemaValidator validator =
                new JsonSchemaValidator(new JsonSchemaDocuments(type.schema(), type.references()));
        ObjectMapper json = new ObjectMapper();

        assertThat(validator.validate(
                        json.readTree("{\"id\": 1, \"data\": {\"title\": \"t\", \"priority\": \"high\"}}")))
                .isEmpty();
        assertThat(validator.validate(
                        json.readTree("{\"id\": 1, \"data\": {\"title\": \"t\", \"priority\": \"urgent\"}}")))
                .extracting(JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/data/priority", "enum"));
    }

    @Test
    void referencesLinkEachFileToTheOnesItUsesWithTheirSubjects() {
        JsonSchemaDocuments documents = new JsonSchemaDocuments(TASK, TASK_REFERENCES);

        assertThat(documents.links(""))
                .containsExactly(new JsonSchemaDocuments.Link(
                        "data/task_data.json", java.util.Optional.of("data/task_data.json")));
        assertThat(documents.links("data/task_data.json"))
                .containsExactly(
                        new JsonSchemaDocuments.Link("priority.json", java.util.Optional.of("data/priority.json")));
        assertThat(documents.subject("data/task_data.json")).isEqualTo("TaskData");
    }

    @Test
    void aReferenceWithoutItsTextFailsWhenTheTypeIsMadeNotOnTheFirstSend() {
        assertThatThrownBy(
                        () -> new JsonEventType<>(Object.class, "Task", TASK, Map.of("data/task_data.json", TASK_DATA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data/task_data.json → \"priority.json\"")
                .hasMessageContaining("references");
    }

    @Test
    void withoutReferenceTextsValidationSaysWhatIsMissingAndHowToProceed() {
        JsonSchemaSerializer<Map<String, Object>> serializer = new JsonSchemaSerializer<>(
                unreachable,
                SerdeConfig.defaults(),
                false,
                List.of(new JsonEventType<>(java.util.HashMap.class, "Task", TASK)));
        java.util.HashMap<String, Object> task = new java.util.HashMap<>(Map.of("id", 1));

        assertThatThrownBy(() -> serializer.serialize("tasks", task))
                .hasMessageContaining("data/task_data.json")
                .hasMessageContaining("json.fail.invalid.schema=false");
        assertThat(unreachable.requestCount()).isZero();
    }
}
