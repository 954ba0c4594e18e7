package io.github.eventcat.catalog.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SourceDocument;
import io.github.eventcat.catalog.Topic;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules about events and topics: names, ids, timestamps, docs and keys. */
final class EventChecks {
    private static final String MANIFEST = LintConfigReader.FILE;

    private final Catalog catalog;
    private final Map<String, Shapes.File> files;
    private final Findings findings;

    EventChecks(Catalog catalog, Map<String, Shapes.File> files, Findings findings) {
        this.catalog = catalog;
        this.files = files;
        this.findings = findings;
    }

    void check() {
        SourceDocument manifest = catalog.manifest();
        Set<String> seen = new HashSet<>();
        for (Topic topic : catalog.topics()) {
            String topicPointer = "/topics/" + SourceDocument.segment(topic.name());
            if (!findings.config().topicPattern().matcher(topic.name()).matches()) {
                findings.add(
                        LintRule.TOPIC_NAME_PATTERN,
                        MANIFEST,
                        manifest.locateKey(topicPointer),
                        topicPointer,
                        "topic \"" + topic.name() + "\" does not match the pattern "
                                + findings.config().topicPattern().pattern(),
                        "rename the topic (a rename is a new topic: consumers must move) or set"
                                + " lint.rules.TOPIC_NAME_PATTERN.pattern");
            }
            KeyType keyType = null;
            for (Event event : topic.events()) {
                Optional<Shapes.Record> record = record(event);
                if (record.isEmpty()) {
                    continue;
                }
                String file = event.schemaFile().path();
                eventId(topic, topicPointer, event, record.get());
                keyType = key(topic, event, record.get(), keyType);
                if (seen.add(event.javaTypeName())) {
                    name(file, event, record.get());
                    occurredOn(file, record.get());
                    if (!record.get().documented()) {
                        boolean avro = event.format() == SchemaFormat.AVRO;
                        findings.add(
                                LintRule.EVENT_DOC,
                                file,
                                record.get().location(),
                                record.get().pointer(),
                                "event " + record.get().shownName() + " has no "
                                        + (avro ? "\"doc\"" : "\"description\""),
                                "add " + (avro ? "\"doc\"" : "\"description\"")
                                        + ": \"<what happened, and when it is published>\"");
                    }
                }
            }
        }
    }

    private record KeyType(String display, String eventName) {}

    private Optional<Shapes.Record> record(Event event) {
        Shapes.File file = files.get(event.schemaFile().path());
        if (file == null) {
            return Optional.empty();
        }
        return file.records().stream()
                .filter(r -> r.fullName().equals(event.recordFullName()))
                .min(java.util.Comparator.comparingInt(r -> r.pointer().length()));
    }

    private void name(String file, Event event, Shapes.Record record) {
        String name = event.javaSimpleName();
        if (!findings.config().pastTenseAllow().contains(name)
                && !findings.config().pastTenseAllow().contains(record.name())
                && !PastTense.isPastTense(name)) {
            findings.add(
                    LintRule.EVENT_NAME_PAST_TENSE,
                    file,
                    record.location(),
                    record.pointer(),
                    "event " + record.shownName() + " is not named in the past tense: an event records a"
                            + " fact that happened, not a command or a state",
                    "name it <thing><verb in the past tense>, e.g. \"TicketOpened\" rather than \"OpenTicket\""
                            + " or \"TicketOpen\" (or add \"" + name + "\" to lint.rules.EVENT_NAME_PAST_TENSE.allow)");
        }
    }

    private void occurredOn(String file, Shapes.Record record) {
        if (record.fields().stream().noneMatch(f -> f.required() && f.type().isTimestampWithZone())) {
            boolean avro = record.format() == SchemaFormat.AVRO;
            findings.add(
                    LintRule.OCCURRED_ON_PRESENT,
                    file,
                    record.location(),
                    record.pointer(),
                    "event " + record.shownName() + " has no required timestamp with time zone saying when"
                            + " it happened",
                    avro
                            ? "add {\"name\": \"occurred_on\", \"type\": {\"type\": \"long\", \"logicalType\":"
                                    + " \"timestamp-millis\"}}"
                            : "add \"occurred_on\": {\"type\": \"string\", \"format\": \"date-time\"} and list it in \"required\"");
        }
    }

    private void eventId(Topic topic, String topicPointer, Event event, Shapes.Record record) {
        String file = event.schemaFile().path();
        if (event.eventIdField().isEmpty()) {
            String pointer = manifestEntry(topicPointer, file);
            findings.add(
                    LintRule.EVENT_ID_PRESENT,
                    MANIFEST,
                    catalog.manifest().locate(pointer),
                    pointer,
                    "event " + record.shownName() + " of topic \"" + topic.name() + "\" names no event-id:"
                            + " consumers cannot tell a redelivered event from a new one",
                    "add a uuid field (e.g. event_id) and write the entry as {schema: " + file
                            + ", event-id: event_id}",
                    file);
            return;
        }
        String name = event.eventIdField().get();
        record.field(name)
                .filter(f -> !f.type().isUuid())
                .ifPresent(field -> findings.add(
                        LintRule.EVENT_ID_PRESENT,
                        file,
                        field.location(),
                        field.pointer(),
                        "event-id " + SchemaChecks.fieldName(record, field) + " is "
                                + field.type().display() + ", not a non-null uuid",
                        record.format() == SchemaFormat.AVRO
                                ? "make its type {\"type\": \"string\", \"logicalType\": \"uuid\"}"
                                : "make it {\"type\": \"string\", \"format\": \"uuid\"}"));
    }

    /** The pointer of the topic's events entry that lists the file, or of the list itself. */
    private String manifestEntry(String topicPointer, String file) {
        JsonNode events = catalog.manifest().root().at(topicPointer + "/events");
        for (int i = 0; i < events.size(); i++) {
            JsonNode entry = events.get(i);
            String written = entry.isObject() ? entry.path("schema").asText("") : entry.asText("");
            if (written.replaceFirst("^\\./", "").equals(file)) {
                return topicPointer + "/events/" + i;
            }
        }
        return topicPointer + "/events";
    }

    private KeyType key(Topic topic, Event event, Shapes.Record record, KeyType first) {
        Optional<Shapes.Field> field = record.field(topic.keyField());
        String file = event.schemaFile().path();
        if (field.isEmpty()) {
            findings.add(
                    LintRule.KEY_FIELD_REQUIRED,
                    file,
                    record.location(),
                    record.pointer(),
                    "event " + record.shownName() + " has no field \"" + topic.keyField() + "\", the key of topic \""
                            + topic.name() + "\"",
                    "add the field, required and non-null");
            return first;
        }
        Shapes.Field key = field.get();
        String where = SchemaChecks.fieldName(record, key) + " is the key of topic \"" + topic.name() + "\"";
        if (key.type().nullable() || !key.required()) {
            findings.add(
                    LintRule.KEY_FIELD_REQUIRED,
                    file,
                    key.location(),
                    key.pointer(),
                    where + " but may be missing or null: records without a key lose their order",
                    record.format() == SchemaFormat.AVRO
                            ? "remove \"null\" from its type"
                            : "list it in \"required\" and remove \"null\" from its type");
        }
        String display = key.type().kind()
                + (key.type().logical().isEmpty() ? "" : " " + key.type().logical());
        if (first == null) {
            return new KeyType(display, record.shownName());
        }
        if (!first.display().equals(display)) {
            findings.add(
                    LintRule.KEY_FIELD_REQUIRED,
                    file,
                    key.location(),
                    key.pointer(),
                    where + " with type " + key.type().display() + ", but in event " + first.eventName()
                            + " it is " + first.display().toLowerCase(java.util.Locale.ROOT)
                            + ": one key, one type, or records of one entity land on different partitions",
                    "give the key field the same type in every event of the topic");
        }
        return first;
    }
}
