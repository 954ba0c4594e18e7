package io.github.eventcat.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A second JSON Schema event of the same topic, for dispatch by schema title. */
public record TaskCompleted(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("user_id") String userId) {

    public static final String JSON_SCHEMA = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "todo.TaskCompleted",
              "type": "object",
              "properties": {
                "task_id": {"type": "string", "format": "uuid"},
                "user_id": {"type": "string"}
              },
              "required": ["task_id", "user_id"]
            }""";
}
