package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.CatalogAssembler.Listed;
import io.github.eventcat.catalog.CatalogAssembler.Located;
import io.github.eventcat.catalog.Manifest.TopicEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.lang.model.SourceVersion;

/**
 * The events of a listed JSON Schema file: its schema, or on a topic with TOPIC naming each branch
 * of its top-level {@code oneOf} (after following {@code $ref}s). An event has a {@code title} that
 * gives a Java type name, the topic's key property ({@link JsonKeyRules}) and the property its
 * entry names as event-id.
 */
final class JsonEvents {
    private final Map<String, JsonSchemaFiles.Compiled> json;
    private final SchemaGraph graph;
    private final Map<String, SchemaFile> schemaFiles;
    private final String javaPackage;
    private final Problems problems;

    JsonEvents(
            Map<String, JsonSchemaFiles.Compiled> json,
            SchemaGraph graph,
            Map<String, SchemaFile> schemaFiles,
            String javaPackage,
            Problems problems) {
        this.json = json;
        this.graph = graph;
        this.schemaFiles = schemaFiles;
        this.javaPackage = javaPackage;
        this.problems = problems;
    }

    /** Adds the events of {@code listed}, a JSON Schema file on {@code topic}; reports what breaks a rule. */
    void add(TopicEntry topic, Listed listed, List<Located> events) {
        JsonSchemaFiles.Compiled compiled = json.get(listed.path());
        JsonNode root = compiled.root();
        JsonNode oneOf = root.get("oneOf");
        if (oneOf != null && oneOf.isArray() && !root.has("properties")) {
            if (!CatalogAssembler.unionAllowed(topic, listed, problems)) {
                return;
            }
            for (int i = 0; i < oneOf.size(); i++) {
                JsonKeyRules.follow(
                                graph,
                                new SchemaGraph.Resolved(listed.path(), "/oneOf/" + i, oneOf.get(i)),
                                compiled.document(),
                                problems)
                        .flatMap(target -> jsonEvent(topic, listed, target))
                        .ifPresent(events::add);
            }
        } else {
            jsonEvent(topic, listed, new SchemaGraph.Resolved(listed.path(), "", root))
                    .ifPresent(events::add);
        }
    }

    private Optional<Located> jsonEvent(TopicEntry topic, Listed listed, SchemaGraph.Resolved target) {
        ParsedDocument document = json.get(target.file()).document();
        JsonNode node = target.node();
        JsonNode titleNode = node.get("title");
        if (titleNode == null || !titleNode.isTextual() || titleNode.asText().isBlank()) {
            if (!target.pointer().isEmpty()) { // a missing top-level title is reported with the file
                problems.add(
                        target.file(),
                        document.locate(target.pointer()),
                        "union branch #"
                                + target.pointer() + " has no \"title\": each event needs one, e.g. \"title\":"
                                + " \"TaskCreated\"");
            }
            return Optional.empty();
        }
        String title = titleNode.asText();
        Supplier<String> location = () -> document.locate(target.pointer() + "/title");
        String simpleName = Names.typeNameOfTitle(title);
        boolean valid = true;
        if ((!SourceVersion.isIdentifier(simpleName) || SourceVersion.isKeyword(simpleName))
                && problems.codeRule(
                        target.file(),
                        location.get(),
                        "title \"" + title + "\" does not give a Java type" + " name (\"" + simpleName
                                + "\"): start it with a letter, e.g. \"TaskCreated\"")) {
            valid = false;
        }
        Optional<KeyType> key = Optional.empty();
        if (topic.key().isPresent()) {
            key = JsonKeyRules.keyField(topic, target, title, document, graph, problems);
            valid &= key.isPresent() || !problems.enforcesCodeRules();
        }
        JsonNode properties = node.path("properties");
        if (listed.entry().eventId().isPresent()
                && !properties.has(listed.entry().eventId().get())
                && CatalogAssembler.rejectMissingEventId(listed, title, target.file(), problems)) {
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        Event event = new Event(
                Names.snakeCase(title),
                title,
                javaPackage + "." + simpleName,
                SchemaFormat.JSON,
                schemaFiles.get(target.file()),
                listed.entry().eventId());
        return Optional.of(new Located(event, topic, target.file(), location, key));
    }
}
