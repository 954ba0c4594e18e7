package io.github.eventcat.catalog.lint;

import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small catalogs written to a directory, each starting from events that pass every rule. */
final class LintTestCatalogs {
    static final String MANIFEST = """
      package: t
      subject-naming: TOPIC_RECORD
      topics:
        tickets:
          key: ticket_id
          events:
            - {schema: schemas/event.avsc, event-id: event_id}
      """;

    static final String AVRO_EVENT = """
      {
        "type": "record",
        "name": "TicketOpened",
        "namespace": "t",
        "doc": "A ticket was opened.",
        "fields": [
          {"name": "event_id", "type": {"type": "string", "logicalType": "uuid"}, "doc": "Unique per event."},
          {"name": "ticket_id", "type": "string", "doc": "The ticket."},
          {"name": "occurred_on", "type": {"type": "long", "logicalType": "timestamp-millis"}, "doc": "When."}
        ]
      }
      """;

    static final String JSON_MANIFEST = """
      package: t
      subject-naming: TOPIC_RECORD
      topics:
        tasks:
          key: ticket_id
          events:
            - {schema: schemas/event.json, event-id: event_id}
      """;

    static final String JSON_EVENT = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "TaskCreated",
        "description": "A task was created.",
        "type": "object",
        "properties": {
          "event_id": {"type": "string", "format": "uuid", "description": "Unique per event."},
          "ticket_id": {"type": "string", "description": "The ticket."},
          "occurred_on": {"type": "string", "format": "date-time", "description": "When."}
        },
        "required": ["event_id", "ticket_id", "occurred_on"],
        "additionalProperties": false
      }
      """;

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();

    LintTestCatalogs(Path root) {
        this.root = root;
    }

    LintTestCatalogs file(String path, String text) {
        files.put(path, text);
        return this;
    }

    LintTestCatalogs avro(String manifest, String event) {
        return file("catalog.yaml", manifest).file("schemas/event.avsc", event);
    }

    LintTestCatalogs json(String manifest, String event) {
        return file("catalog.yaml", manifest).file("schemas/event.json", event);
    }

    LintResult lint() {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CatalogLinter.lint(CatalogLoader.load(root), "");
    }

    /** The AVRO_EVENT with a field added after occurred_on. */
    static String avroWith(String field) {
        return AVRO_EVENT.replace("\"doc\": \"When.\"}\n", "\"doc\": \"When.\"},\n    " + field + "\n");
    }

    /** The JSON_EVENT with a property added (not required). */
    static String jsonWith(String property) {
        return JSON_EVENT.replace(
                "\"description\": \"When.\"}\n", "\"description\": \"When.\"},\n    " + property + "\n");
    }
}
