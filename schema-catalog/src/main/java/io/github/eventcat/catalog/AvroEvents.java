package io.github.eventcat.catalog;

import io.github.eventcat.catalog.CatalogAssembler.Listed;
import io.github.eventcat.catalog.CatalogAssembler.Located;
import io.github.eventcat.catalog.Manifest.TopicEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The events of a listed Avro file: its record, or on a topic with TOPIC naming each record of its
 * union. An event record has a namespace (its Java package), the topic's key field ({@link
 * AvroKeyRules}) and the field its entry names as event-id.
 */
final class AvroEvents {
    private final Map<String, AvroFiles.Compiled> avro;
    private final SchemaGraph graph;
    private final Map<String, SchemaFile> schemaFiles;
    private final Problems problems;

    AvroEvents(
            Map<String, AvroFiles.Compiled> avro,
            SchemaGraph graph,
            Map<String, SchemaFile> schemaFiles,
            Problems problems) {
        this.avro = avro;
        this.graph = graph;
        this.schemaFiles = schemaFiles;
        this.problems = problems;
    }

    /** Adds the events of {@code listed}, an Avro file on {@code topic}; reports what breaks a rule. */
    void add(TopicEntry topic, Listed listed, List<Located> events) {
        AvroFiles.Compiled compiled = avro.get(listed.path());
        Schema schema = compiled.schema();
        List<Schema> records = new ArrayList<>();
        if (schema.getType() == Schema.Type.RECORD) {
            records.add(schema);
        } else if (schema.getType() == Schema.Type.UNION) {
            if (!CatalogAssembler.unionAllowed(topic, listed, problems)) {
                return;
            }
            List<Schema> branches = schema.getTypes();
            for (int i = 0; i < branches.size(); i++) {
                if (branches.get(i).getType() == Schema.Type.RECORD) {
                    records.add(branches.get(i));
                } else {
                    problems.add(
                            listed.path(),
                            compiled.document().locate("/" + i),
                            "union branch " + i + " is "
                                    + branches.get(i).getType().getName()
                                    + ", not a record: a topic's union may hold only event records");
                }
            }
        } else {
            problems.add(
                    listed.path(),
                    compiled.document().locate(""),
                    "the top-level schema is " + schema.getType().getName() + ": an event must be a"
                            + " record (or, on a topic with TOPIC naming, a union of records)");
            return;
        }
        for (Schema record : records) {
            SchemaGraph.AvroNamedType definition = graph.avroNamedTypes().get(record.getFullName());
            ParsedDocument document = avro.get(definition.file()).document();
            Supplier<String> location = () -> document.locate(definition.pointer());
            boolean valid = true;
            if ((record.getNamespace() == null || record.getNamespace().isEmpty())
                    && problems.codeRule(
                            definition.file(),
                            location.get(),
                            "event record \"" + record.getName()
                                    + "\" has no namespace: add one (e.g. \"namespace\": \"com.example.events\"); it"
                                    + " is the Java package of the generated class")) {
                valid = false;
            }
            Optional<KeyType> key = Optional.empty();
            if (topic.key().isPresent()) {
                key = AvroKeyRules.keyField(topic, record, definition, document, problems);
                valid &= key.isPresent() || !problems.enforcesCodeRules();
            }
            if (listed.entry().eventId().isPresent()
                    && record.getField(listed.entry().eventId().get()) == null
                    && CatalogAssembler.rejectMissingEventId(
                            listed, record.getFullName(), definition.file(), problems)) {
                valid = false;
            }
            if (valid) {
                Event event = new Event(
                        Names.snakeCase(record.getName()),
                        record.getFullName(),
                        record.getFullName(),
                        SchemaFormat.AVRO,
                        schemaFiles.get(definition.file()),
                        listed.entry().eventId());
                events.add(new Located(event, topic, definition.file(), location, key));
            }
        }
    }
}
