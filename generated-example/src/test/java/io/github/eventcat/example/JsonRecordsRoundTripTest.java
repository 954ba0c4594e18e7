package io.github.eventcat.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.events.Priority;
import com.example.events.TaskEvent;
import com.example.events.TaskReminder;
import com.example.events.TaskUpdate;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated JSON Schema records read the todo app's example documents into typed values and
 * write them back exactly: same properties, same order, same values, explicit nulls kept.
 */
class JsonRecordsRoundTripTest {
    /** What a service configures: Jackson plus java.time support, nothing generator-specific. */
    private final ObjectMapper mapper =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void taskEventReadsTypedValues() throws IOException {
        TaskEvent event = mapper.readValue(seed("task-event.json"), TaskEvent.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("3f0b8a52-6f7e-4c2a-9d1e-8b2a4c6d7e90"));
        assertThat(event.eventType()).isEqualTo(TaskEvent.EventType.CREATED);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(event.taskId()).isEqualTo(123);
        assertThat(event.taskData().priority()).isEqualTo(Priority.HIGH);
        assertThat(event.taskData().tags()).isEqualTo(List.of("home"));
        assertThat(event.taskData().dueDate()).isEqualTo(Instant.parse("2024-01-20T18:00:00Z"));
        assertThat(event.taskData().recurring()).isNull();
        assertThat(event.metadata().source()).isEqualTo(TaskEvent.Metadata.Source.CHAT);
        assertThat(event.metadata().correlationId()).isEqualTo("request-uuid");
    }

    @Test
    void taskEventWritesTheSeedDocumentBack() throws IOException {
        assertWritesBackExactly("task-event.json", TaskEvent.class);
    }

    @Test
    void reminderReadsAndWritesAnEnumValueThatIsNotAJavaName() throws IOException {
        TaskReminder reminder = mapper.readValue(seed("task-reminder.json"), TaskReminder.class);

        assertThat(reminder.reminderType()).isEqualTo(TaskReminder.ReminderType.ONE_HOUR_BEFORE);
        assertThat(reminder.remindAt()).isEqualTo(Instant.parse("2024-01-20T17:00:00Z"));
        assertWritesBackExactly("task-reminder.json", TaskReminder.class);
    }

    @Test
    void taskUpdateReadsANestedObjectAndASharedEnum() throws IOException {
        TaskUpdate update = mapper.readValue(seed("task-update.json"), TaskUpdate.class);

        assertThat(update.updateType()).isEqualTo(TaskUpdate.UpdateType.CREATED);
        assertThat(update.task().id()).isEqualTo(123);
        assertThat(update.task().priority()).isEqualTo(Priority.HIGH);
        assertWritesBackExactly("task-update.json", TaskUpdate.class);
    }

    @Test
    void builtEventWritesTheSameDocumentAsTheSeed() throws IOException {
        TaskEvent read = mapper.readValue(seed("task-event.json"), TaskEvent.class);
        TaskEvent built = TaskEvent.builder()
                .eventId(read.eventId())
                .eventType(TaskEvent.EventType.CREATED)
                .timestamp(Instant.parse("2024-01-15T10:30:00Z"))
                .userId("user-uuid")
                .taskId(123)
                .taskData(read.taskData())
                .metadata(read.metadata())
                .build();

        assertThat(built).isEqualTo(read);
        assertThat(mapper.writeValueAsString(built)).isEqualTo(compact(seed("task-event.json")));
    }

    @Test
    void missingRequiredPropertyFailsAndNamesIt() throws IOException {
        ObjectNode document = (ObjectNode) mapper.readTree(seed("task-event.json"));
        ((ObjectNode) document.get("metadata")).remove("correlation_id");

        assertThatThrownBy(() -> mapper.treeToValue(document, TaskEvent.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("correlation_id");
    }

    @Test
    void missingRequiredPrimitivePropertyFails() throws IOException {
        ObjectNode document = (ObjectNode) mapper.readTree(seed("task-event.json"));
        document.remove("task_id");

        assertThatThrownBy(() -> mapper.treeToValue(document, TaskEvent.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("task_id");
    }

    @Test
    void optionalPropertiesMayBeAbsent() throws IOException {
        ObjectNode document = (ObjectNode) mapper.readTree(seed("task-event.json"));
        ObjectNode taskData = (ObjectNode) document.get("task_data");
        taskData.remove(List.of("tags", "due_date", "recurring"));

        TaskEvent event = mapper.treeToValue(document, TaskEvent.class);

        assertThat(event.taskData().tags()).isNull();
        assertThat(event.taskData().dueDate()).isNull();
    }

    /** Read, write, and compare with the seed written compactly: properties, order and values. */
    private void assertWritesBackExactly(String name, Class<?> type) throws IOException {
        String seed = seed(name);
        Object value = mapper.readValue(seed, type);

        assertThat(mapper.writeValueAsString(value)).isEqualTo(compact(seed));
    }

    private String compact(String json) throws IOException {
        return mapper.writeValueAsString(mapper.readTree(json));
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = JsonRecordsRoundTripTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("test resource /seeds/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
