package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Manifest.TopicEntry;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key rules of a JSON Schema event: the topic's key names a property that is required, not
 * nullable, and a string or an integer (after following its {@code $ref}s).
 */
final class JsonKeyRules {
    private JsonKeyRules() {}

    /**
     * The type of the topic's key property in the event schema {@code event} (titled {@code
     * title}); empty, after reporting, when the schema breaks a rule.
     */
    static Optional<KeyType> keyField(
            TopicEntry topic,
            SchemaGraph.Resolved event,
            String title,
            ParsedDocument document,
            SchemaGraph graph,
            Problems problems) {
        String key = topic.key().orElseThrow();
        String propertyPointer = event.pointer() + "/properties/" + ParsedDocument.segment(key);
        JsonNode property = event.node().path("properties").get(key);
        String where = "property \"" + key + "\" of \"" + title + "\" is the key of topic \"" + topic.name() + "\"";
        if (property == null) {
            problems.codeRule(
                    event.file(),
                    document.locate(event.pointer() + "/title"),
                    "event \"" + title + "\" has no property \"" + key + "\", the key of topic \""
                            + topic.name() + "\": add it to \"properties\" (type string or integer) and to"
                            + " \"required\"");
            return Optional.empty();
        }
        Optional<SchemaGraph.Resolved> resolved =
                follow(graph, new SchemaGraph.Resolved(event.file(), propertyPointer, property), document, problems);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        JsonNode type = resolved.get().node().get("type");
        Set<String> types = new TreeSet<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        boolean valid = true;
        if (types.contains("null")) {
            problems.codeRule(
                    event.file(),
                    document.locate(propertyPointer),
                    where + " and must always be present: remove \"null\" from its type");
            valid = false;
        } else if (!(types.equals(Set.of("string")) || types.equals(Set.of("integer")))) {
            problems.codeRule(
                    event.file(),
                    document.locate(propertyPointer),
                    where + " but has type "
                            + (type == null ? "(none)" : type.toString())
                            + ": a key must have \"type\": \"string\" or \"type\": \"integer\"");
            valid = false;
        }
        JsonNode required = event.node().get("required");
        boolean isRequired = false;
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                isRequired |= name.asText().equals(key);
            }
        }
        if (!isRequired) {
            problems.codeRule(
                    event.file(),
                    document.locate(propertyPointer),
                    where + " and must always be present: add \"" + key + "\" to \"required\"");
            valid = false;
        }
        return valid
                ? Optional.of(
                        new KeyType(types.iterator().next(), event.file(), () -> document.locate(propertyPointer)))
                : Optional.empty();
    }

    /**
     * Follows {@code $ref}s (checked when the files were compiled) to the schema they name;
     * empty, after reporting, when the chain does not end.
     *
     * @param document the parsed file of {@code schema}, to say where the chain starts
     */
    static Optional<SchemaGraph.Resolved> follow(
            SchemaGraph graph, SchemaGraph.Resolved schema, ParsedDocument document, Problems problems) {
        SchemaGraph.Resolved target = graph.follow(schema);
        if (target.node().path("$ref").isTextual()) {
            problems.add(
                    schema.file(),
                    document.locate(schema.pointer()),
                    "$ref chain longer than " + SchemaGraph.MAX_REF_LINKS + " links: refer to the schema directly");
            return Optional.empty();
        }
        return Optional.of(target);
    }
}
