package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.CatalogFiles.Target.Kind;
import io.github.eventcat.catalog.Manifest.EventEntry;
import io.github.eventcat.catalog.Manifest.TopicEntry;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * Turns a read manifest into a {@link Catalog}: checks the listed files, compiles the schemas,
 * derives events and subjects, and enforces the rules that span files and topics. What makes an
 * event of one schema file, its key field included, is per format: {@link AvroEvents} and
 * {@link JsonEvents}.
 */
final class CatalogAssembler {
    private static final String MANIFEST = ManifestReader.FILE;

    /** A listed schema file that exists inside the catalog with a supported extension. */
    record Listed(EventEntry entry, String path, SchemaFormat format) {}

    /** An event with the place that defines it, for problems that involve several events. */
    record Located(Event event, TopicEntry topic, String file, Supplier<String> where, Optional<KeyType> key) {
        /** Where the event is defined; worked out only for a problem (a scan of the file's text). */
        String location() {
            return where.get();
        }
    }

    private final String source;
    private final CatalogFiles files;
    private final Manifest manifest;
    private final Problems problems;
    /** Every Avro file under the root, read and parsed (perhaps still being read, beside the manifest). */
    private final Supplier<AvroFiles.Index> avroIndex;

    private Map<String, AvroFiles.Compiled> avro = Map.of();
    private Map<String, JsonSchemaFiles.Compiled> json = Map.of();
    private final Map<String, SchemaFile> schemaFiles = new TreeMap<>();
    private SchemaGraph graph;

    CatalogAssembler(
            String source,
            CatalogFiles files,
            Manifest manifest,
            Supplier<AvroFiles.Index> avroIndex,
            Problems problems) {
        this.source = source;
        this.avroIndex = avroIndex;
        this.files = files;
        this.manifest = manifest;
        this.problems = problems;
    }

    Catalog assemble() throws IOException {
        checkTopicNames();
        Map<TopicEntry, List<Listed>> listed = new LinkedHashMap<>();
        Set<String> avroPaths = new TreeSet<>();
        Set<String> jsonPaths = new TreeSet<>();
        for (TopicEntry topic : manifest.topics()) {
            List<Listed> entries = listedFiles(topic);
            listed.put(topic, entries);
            entries.forEach(l -> (l.format() == SchemaFormat.AVRO ? avroPaths : jsonPaths).add(l.path()));
        }
        avro = AvroFiles.compile(files, avroIndex.get(), avroPaths, problems);
        json = JsonSchemaFiles.compile(files, jsonPaths, problems);
        Map<String, SchemaGraph.AvroNamedType> avroTypes = new TreeMap<>();
        avro.values().forEach(c -> {
            schemaFiles.put(c.path(), new SchemaFile(c.path(), SchemaFormat.AVRO, c.text(), c.references()));
            c.scan().definitions().forEach(d -> {
                Schema type = c.visibleTypes().get(d.fullName());
                if (type != null) {
                    avroTypes.putIfAbsent(
                            d.fullName(), new SchemaGraph.AvroNamedType(d.fullName(), c.path(), d.pointer(), type));
                }
            });
        });
        json.values()
                .forEach(c -> schemaFiles.put(
                        c.path(), new SchemaFile(c.path(), SchemaFormat.JSON, c.text(), c.references())));
        Map<String, JsonNode> jsonSchemas = new HashMap<>();
        json.values().forEach(c -> jsonSchemas.put(c.path(), c.root()));
        graph = new SchemaGraph(
                Collections.unmodifiableMap(new TreeMap<>(schemaFiles)),
                Map.copyOf(jsonSchemas),
                Collections.unmodifiableMap(avroTypes));

        AvroEvents avroEvents = new AvroEvents(avro, graph, schemaFiles, problems);
        JsonEvents jsonEvents = new JsonEvents(json, graph, schemaFiles, manifest.javaPackage(), problems);
        Map<TopicEntry, List<Located>> eventsByTopic = new LinkedHashMap<>();
        listed.forEach((topic, entries) -> eventsByTopic.put(topic, events(topic, entries, avroEvents, jsonEvents)));
        rejectJavaTypeClashes(eventsByTopic);
        eventsByTopic.forEach(this::rejectKeyTypeChanges);
        List<Topic> topics = new ArrayList<>();
        Map<String, Subject> subjectsByName = new HashMap<>();
        listed.forEach((topic, entries) -> topics.add(topic(topic, entries, eventsByTopic.get(topic), subjectsByName)));
        rejectTopicsWithoutEvents(eventsByTopic);
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems.sorted());
        }
        Map<String, Schema> avroSchemas = new HashMap<>();
        avro.values().forEach(c -> avroSchemas.put(c.path(), c.schema()));
        return new Catalog(
                source,
                manifest.description(),
                manifest.javaPackage(),
                manifest.compatibility(),
                manifest.naming(),
                topics,
                List.copyOf(schemaFiles.values()),
                avroSchemas,
                jsonSchemas,
                manifest.document(),
                graph,
                problems.waived());
    }

    private void checkTopicNames() {
        Map<String, String> byCollisionKey = new HashMap<>();
        for (TopicEntry topic : manifest.topics()) {
            Optional<String> problem = Names.topicNameProblem(topic.name());
            if (problem.isPresent()) {
                problems.add(MANIFEST, topic.location(), problem.get());
                continue;
            }
            String other = byCollisionKey.putIfAbsent(Names.topicCollisionKey(topic.name()), topic.name());
            if (other != null) {
                problems.add(
                        MANIFEST,
                        topic.location(),
                        "topics \""
                                + other
                                + "\" and \""
                                + topic.name()
                                + "\" collide: Kafka treats '.' and '_' alike in topic names and refuses to"
                                + " create both — rename one");
            }
        }
    }

    private List<Listed> listedFiles(TopicEntry topic) {
        List<Listed> listed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EventEntry entry : topic.events()) {
            String written = entry.path();
            Optional<String> path = files.resolve("", written);
            Optional<SchemaFormat> format = written.endsWith(".avsc")
                    ? Optional.of(SchemaFormat.AVRO)
                    : written.endsWith(".json") ? Optional.of(SchemaFormat.JSON) : Optional.empty();
            CatalogFiles.Target target =
                    path.map(files::target).orElse(new CatalogFiles.Target(Kind.MISSING, "", null));
            if (path.isEmpty()) {
                problems.add(
                        MANIFEST,
                        entry.location(),
                        "\"" + written + "\" is outside the catalog"
                                + " root: list only files inside the directory that holds " + MANIFEST);
            } else if (format.isEmpty()) {
                problems.add(
                        MANIFEST,
                        entry.location(),
                        "\"" + written + "\" is neither an Avro schema"
                                + " (.avsc) nor a JSON Schema (.json): rename it with the extension of its format");
            } else if (target.kind() == Kind.OUTSIDE) {
                problems.add(
                        MANIFEST,
                        entry.location(),
                        "\"" + written + "\" is a symbolic link that"
                                + " leads outside the catalog root (to " + target.real() + "): copy the file into the"
                                + " catalog, or link only to files inside the directory that holds " + MANIFEST);
            } else if (target.kind() == Kind.MISSING) {
                problems.add(
                        MANIFEST,
                        entry.location(),
                        "schema file \"" + written + "\" does not exist:" + " fix the path (relative to " + MANIFEST
                                + ") or add the file");
            } else if (!seen.add(target.path())) {
                problems.add(
                        MANIFEST,
                        entry.location(),
                        "\"" + written + "\" is listed twice on topic \"" + topic.name() + "\": remove one");
            } else {
                // A linked file is known by where it really is: one file, one schema, however reached.
                listed.add(new Listed(entry, target.path(), format.get()));
            }
        }
        return listed;
    }

    private List<Located> events(TopicEntry topic, List<Listed> listed, AvroEvents avroEvents, JsonEvents jsonEvents) {
        List<Located> events = new ArrayList<>();
        for (Listed l : listed) {
            if (!schemaFiles.containsKey(l.path())) {
                continue; // its problems are reported
            }
            if (l.format() == SchemaFormat.AVRO) {
                avroEvents.add(topic, l, events);
            } else {
                jsonEvents.add(topic, l, events);
            }
        }
        return events;
    }

    /** A union of events needs TOPIC naming: the other strategies register one subject per record. */
    static boolean unionAllowed(TopicEntry topic, Listed listed, Problems problems) {
        if (topic.naming() == SubjectNamingStrategy.TOPIC) {
            return true;
        }
        problems.add(
                MANIFEST,
                listed.entry().location(),
                "\"" + listed.entry().path() + "\" is a"
                        + " union of events, but topic \"" + topic.name() + "\" uses " + topic.naming()
                        + " naming, which registers one subject per record: list each event's record file"
                        + " instead, or use subject-naming: TOPIC");
        return false;
    }

    /** Reports an event id that names no top-level field; whether that leaves the event out. */
    static boolean rejectMissingEventId(Listed listed, String record, String file, Problems problems) {
        return problems.codeRule(
                MANIFEST,
                listed.entry().eventIdLocation(),
                "event-id \""
                        + listed.entry().eventId().orElseThrow() + "\" is not a top-level field of \"" + record
                        + "\" (" + file + "): name one of its fields, or leave event-id out");
    }

    private void rejectJavaTypeClashes(Map<TopicEntry, List<Located>> eventsByTopic) {
        Map<String, Located> byJavaType = new HashMap<>();
        eventsByTopic
                .values()
                .forEach(events -> events.removeIf(located -> {
                    Event event = located.event();
                    Located first = byJavaType.putIfAbsent(event.javaTypeName(), located);
                    if (first == null || isSameRecord(first.event(), event)) {
                        return false;
                    }
                    return problems.codeRule(
                            located.file(),
                            located.location(),
                            "the event \"" + event.recordFullName()
                                    + "\" gets the Java type " + event.javaTypeName() + ", which the event \""
                                    + first.event().recordFullName() + "\" in " + first.file() + " already has: every"
                                    + " event needs its own Java type — rename one (Avro: name or namespace; JSON Schema:"
                                    + " title)");
                }));
    }

    /**
     * The producer keys each record with its event's key field: if the field's type differed from
     * event to event, the key of one topic would change type (and meaning) by event.
     */
    private void rejectKeyTypeChanges(TopicEntry topic, List<Located> events) {
        Located first = null;
        for (Located located : events) {
            if (located.key().isEmpty()) {
                continue;
            }
            if (first == null) {
                first = located;
                continue;
            }
            KeyType key = located.key().get();
            KeyType firstKey = first.key().orElseThrow();
            if (!key.sameAs(firstKey)) {
                problems.codeRule(
                        key.file(),
                        key.location(),
                        "the key \"" + topic.key().orElseThrow()
                                + "\" of topic \"" + topic.name() + "\" has type " + key.type() + " in \""
                                + located.event().recordFullName() + "\" but type " + firstKey.type() + " in \""
                                + first.event().recordFullName() + "\" (" + firstKey.file() + ":"
                                + firstKey.location() + "): give the key field one type in every event of the"
                                + " topic, or the record key changes type from event to event");
            }
        }
    }

    /**
     * A safety net: every way a listed file can fail reports a problem, so a topic left without
     * events means a file was lost unreported. Generating or registering an empty topic would fail
     * obscurely (or "succeed" with nothing to do), so it is a catalog error.
     */
    private void rejectTopicsWithoutEvents(Map<TopicEntry, List<Located>> eventsByTopic) {
        if (!problems.isEmpty()) {
            return;
        }
        eventsByTopic.forEach((topic, events) -> {
            if (events.isEmpty()) {
                problems.add(
                        MANIFEST,
                        topic.eventsLocation(),
                        "topic \"" + topic.name() + "\" ends up"
                                + " with no events: none of its listed schema files gave an event record — check that"
                                + " each file is a record (or a union of records) and is readable");
            }
        });
    }

    private static boolean isSameRecord(Event a, Event b) {
        return a.schemaFile().path().equals(b.schemaFile().path())
                && a.recordFullName().equals(b.recordFullName());
    }

    private Topic topic(
            TopicEntry topic, List<Listed> listed, List<Located> events, Map<String, Subject> subjectsByName) {
        List<SchemaFile> valueFiles = new ArrayList<>();
        listed.forEach(l -> Optional.ofNullable(schemaFiles.get(l.path())).ifPresent(valueFiles::add));
        Map<String, Subject> subjects = new TreeMap<>();
        if (topic.naming() == SubjectNamingStrategy.TOPIC) {
            if (listed.size() > 1) {
                problems.add(
                        MANIFEST,
                        topic.eventsLocation(),
                        "topic \"" + topic.name() + "\" uses"
                                + " TOPIC naming, which registers a single value schema (subject \"" + topic.name()
                                + "-value\"), but lists " + listed.size() + " schema files: use subject-naming:"
                                + " RECORD or TOPIC_RECORD, or list one union (Avro) or oneOf (JSON Schema) schema"
                                + " whose branches are the events");
            } else if (valueFiles.size() == 1) {
                String name = topic.naming().subjectName(topic.name(), null, false);
                subjects.put(name, new Subject(name, topic.name(), false, valueFiles.get(0), topic.compatibility()));
            }
        } else {
            for (Located located : events) {
                String name =
                        topic.naming().subjectName(topic.name(), located.event().recordFullName(), false);
                subjects.putIfAbsent(
                        name,
                        new Subject(name, topic.name(), false, located.event().schemaFile(), topic.compatibility()));
            }
        }
        for (Subject subject : subjects.values()) {
            Subject first = subjectsByName.putIfAbsent(subject.name(), subject);
            if (first == null) {
                continue;
            }
            if (!first.schemaFile().path().equals(subject.schemaFile().path())) {
                problems.add(
                        MANIFEST,
                        topic.location(),
                        "subject \"" + subject.name() + "\" would hold"
                                + " two different schemas: "
                                + first.schemaFile().path() + " (topic \""
                                + first.topic() + "\") and "
                                + subject.schemaFile().path() + " (topic \""
                                + topic.name() + "\") — give the records different full names or use TOPIC_RECORD"
                                + " naming");
            } else if (first.compatibility() != subject.compatibility()) {
                problems.add(
                        MANIFEST,
                        topic.location(),
                        "subject \"" + subject.name() + "\" is shared"
                                + " with topic \"" + first.topic() + "\" but would get compatibility "
                                + subject.compatibility() + " here and " + first.compatibility() + " there: give"
                                + " both topics the same level, or use TOPIC_RECORD naming");
            }
        }
        return new Topic(
                topic.name(),
                topic.key().orElse(""),
                topic.partitions(),
                topic.retention(),
                topic.naming(),
                topic.compatibility(),
                topic.description(),
                valueFiles,
                new ExampleValidation(files, avro, json, problems)
                        .attach(
                                listed.stream()
                                        .map(l -> new ExampleValidation.Listing(l.entry(), l.path(), l.format()))
                                        .toList(),
                                events.stream().map(Located::event).toList()),
                List.copyOf(subjects.values()),
                topic.location());
    }
}
