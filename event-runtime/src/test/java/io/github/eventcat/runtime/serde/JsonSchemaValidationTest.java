package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.testevents.TaskCreated;

/** Validation happens before any registry call, so these need no registry (the URL is never contacted). */
class JsonSchemaValidationTest {
    private final SchemaRegistryClient unreachable = new SchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:9"));

    @Test
    void reportsEveryViolationWithEventPointerAndRule() {
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(unreachable, SerdeConfig.defaults(), false,
                List.of(JsonEventType.of(TaskCreated.class)));
        TaskCreated invalid = new TaskCreated(UUID.randomUUID(), "", "a title that is far too long", Instant.EPOCH);

        assertThatThrownBy(() -> serializer.serialize("task-events", invalid))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("todo.TaskCreated");
                    assertThat(e.violations()).extracting(JsonValidationException.Violation::pointer,
                            JsonValidationException.Violation::rule)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("/title", "maxLength"),
                                    org.assertj.core.groups.Tuple.tuple("/user_id", "minLength"));
                    assertThat(e.getMessage()).contains("todo.TaskCreated", "task-events", "/title [maxLength]",
                            "json.fail.invalid.schema=false");
                });
        assertThat(unreachable.requestCount()).isZero();
    }

    @Test
    void pointsAtAMissingRequiredField() {
        JsonSchemaSerializer<TaskCreated> serializer = new JsonSchemaSerializer<>(unreachable, SerdeConfig.defaults(), false,
                List.of(JsonEventType.of(TaskCreated.class)));

        assertThatThrownBy(() -> serializer.serialize("task-events", new TaskCreated(UUID.randomUUID(), "u1", null, null)))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> assertThat(e.violations())
                        .extracting(JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/title", "required")));
    }

    @Test
    void eventTypeTakesItsNameFromTheSchemaTitle() {
        assertThat(JsonEventType.of(TaskCreated.class).name()).isEqualTo("todo.TaskCreated");
        assertThatThrownBy(() -> JsonEventType.of(String.class)).hasMessageContaining("JSON_SCHEMA");
    }
}
