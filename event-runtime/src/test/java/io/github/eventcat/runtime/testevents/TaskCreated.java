package io.github.eventcat.runtime.testevents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A hand-written JSON Schema event, shaped as the codegen will generate them. */
public record TaskCreated(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("title") String title,
        @JsonProperty("due") Instant due) {

    public static final String JSON_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "todo.TaskCreated",
              "type": "object",
              "properties": {
                "task_id": {"type": "string", "format": "uuid"},
                "user_id": {"type": "string", "minLength": 1},
                "title": {"type": "string", "maxLength": 20},
                "due": {"type": "string", "format": "date-time"}
              },
              "required": ["task_id", "user_id", "title"],
              "additionalProperties": false
            }""";
}
