package io.github.eventcat.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaGraph;
import io.github.eventcat.catalog.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The catalog as the pages need it: file names of pages, and where named types and
 * {@code $ref}s lead. Every reference is looked up in the catalog's {@link SchemaGraph} (the
 * loader's one resolved graph: referenced files, {@code $ref} targets, Avro named types), so
 * there is no resolver of its own here.
 */
final class CatalogView {
    final Catalog catalog;
    private final SchemaGraph graph;
    private final Map<String, Event> eventsByRecordName = new HashMap<>();
    private final Map<String, Event> eventsByFile = new HashMap<>();

    CatalogView(Catalog catalog) {
        this.catalog = catalog;
        this.graph = catalog.schemaGraph();
        for (Event event : catalog.events()) {
            eventsByRecordName.putIfAbsent(event.recordFullName(), event);
            eventsByFile.putIfAbsent(event.schemaFile().path(), event);
        }
    }

    static String indexPage() {
        return "index.html";
    }

    static String topicPage(Topic topic) {
        return "topic-" + Html.id(topic.name()) + ".html";
    }

    static String eventPage(Event event) {
        return "event-" + Html.id(event.javaTypeName()) + ".html";
    }

    /** The anchor of a schema file's source on an event page. */
    static String sourceAnchor(String path) {
        return "src-" + Html.id(path);
    }

    /** The anchor of a field's row on an event page. */
    static String fieldAnchor(String path) {
        return "f-" + Html.id(path);
    }

    /** The record schema of an Avro event (its file may hold a union of several records). */
    Schema avroRecord(Event event) {
        Schema schema = catalog.avroSchema(event.schemaFile());
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream()
                    .filter(s ->
                            s.getType() == Schema.Type.RECORD && s.getFullName().equals(event.recordFullName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(event.recordFullName() + " not in its file"));
        }
        return schema;
    }

    /**
     * Where a named Avro type used by {@code event} is described: the page of the event it is, or
     * its source on this event's page when another file defines it; empty when this file does.
     */
    Optional<String> avroTypeLink(Event event, String fullName) {
        Event other = eventsByRecordName.get(fullName);
        if (other != null && other.format() == SchemaFormat.AVRO && !other.equals(event)) {
            return Optional.of(eventPage(other));
        }
        return graph.avroNamedType(fullName)
                .map(SchemaGraph.AvroNamedType::file)
                .filter(file -> !file.equals(event.schemaFile().path()))
                .map(file -> "#" + sourceAnchor(file));
    }

    /** The event page of the event a JSON Schema file defines, if it is one. */
    Optional<Event> eventOfFile(String path) {
        return Optional.ofNullable(eventsByFile.get(path));
    }

    /** A JSON Schema node and the file it belongs to. */
    record JsonTarget(SchemaFile file, JsonNode node) {}

    /**
     * Where a {@code $ref} written in {@code file} leads, by the schema graph: the referenced file
     * and, for a fragment, the node at that JSON pointer. Empty when it leads nowhere in the catalog
     * (the loader allows only references it could resolve, so this is rare).
     */
    Optional<JsonTarget> jsonRef(SchemaFile file, String ref) {
        return graph.resolve(file.path(), ref)
                .filter(r -> !r.node().isMissingNode())
                .flatMap(r -> catalog.schemaFile(r.file()).map(target -> new JsonTarget(target, r.node())));
    }

    /** A JSON Schema file's tree: the graph's own, read and never modified here. */
    JsonNode json(SchemaFile file) {
        return graph.at(file.path(), "")
                .map(SchemaGraph.Resolved::node)
                .orElseThrow(() -> new IllegalArgumentException(file.path() + " is not a JSON Schema of this catalog"));
    }

    /** The files {@code file} uses, directly or not, in registration order, then the file itself. */
    List<SchemaFile> sources(SchemaFile file) {
        return graph.rootedAt(file).files();
    }
}
