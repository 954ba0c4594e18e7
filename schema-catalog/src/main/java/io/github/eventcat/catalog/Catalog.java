package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A loaded, fully valid catalog: topics, their events and subjects, and every schema file they
 * use. Obtain one from {@link CatalogLoader}; there is no such thing as a partly valid catalog. A
 * baseline loaded to be compared against may break rules that only generated code needs: it says
 * which in {@link #waivedProblems()}.
 */
public final class Catalog {
    /** The manifest's file name, at the catalog root. */
    public static final String MANIFEST = "catalog.yaml";

    private final String source;
    private final Optional<String> description;
    private final String javaPackage;
    private final CompatibilityLevel defaultCompatibility;
    private final SubjectNamingStrategy defaultNaming;
    private final Map<String, Topic> topics;
    private final Map<String, SchemaFile> schemaFiles;
    private final Map<String, Schema> avroSchemas;
    private final Map<String, JsonNode> jsonSchemas;
    private final SourceDocument manifest;
    private final SchemaGraph schemaGraph;
    private final List<CatalogProblem> waivedProblems;

    Catalog(
            String source,
            Optional<String> description,
            String javaPackage,
            CompatibilityLevel defaultCompatibility,
            SubjectNamingStrategy defaultNaming,
            List<Topic> topics,
            List<SchemaFile> schemaFiles,
            Map<String, Schema> avroSchemas,
            Map<String, JsonNode> jsonSchemas,
            SourceDocument manifest,
            SchemaGraph schemaGraph,
            List<CatalogProblem> waivedProblems) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.description = Objects.requireNonNull(description, "description == null");
        this.javaPackage = Objects.requireNonNull(javaPackage, "javaPackage == null");
        this.defaultCompatibility = Objects.requireNonNull(defaultCompatibility);
        this.defaultNaming = Objects.requireNonNull(defaultNaming);
        Map<String, Topic> topicsByName = new TreeMap<>();
        topics.forEach(t -> topicsByName.put(t.name(), t));
        this.topics = topicsByName;
        Map<String, SchemaFile> filesByPath = new TreeMap<>();
        schemaFiles.forEach(f -> filesByPath.put(f.path(), f));
        this.schemaFiles = filesByPath;
        this.avroSchemas = Map.copyOf(avroSchemas);
        this.jsonSchemas = Map.copyOf(jsonSchemas);
        this.schemaGraph = Objects.requireNonNull(schemaGraph, "schemaGraph == null");
        this.manifest = Objects.requireNonNull(manifest, "manifest == null");
        this.waivedProblems = List.copyOf(waivedProblems);
    }

    /**
     * The code rules this catalog breaks, loaded as a baseline with {@link
     * LoadRules#SCHEMAS_AND_SUBJECTS}, which waives them; empty for a catalog loaded with every rule.
     */
    public List<CatalogProblem> waivedProblems() {
        return waivedProblems;
    }

    /**
     * {@code catalog.yaml} as a tree with locations, including sections the loader accepts but
     * leaves to other tools (such as {@code lint}).
     */
    public SourceDocument manifest() {
        return manifest;
    }

    /** Where the catalog was loaded from: a directory, or a jar and the entry inside it. */
    public String source() {
        return source;
    }

    /** The manifest's top-level {@code description}. */
    public Optional<String> description() {
        return description;
    }

    /** The Java package of generated producers, consumers and JSON Schema records. */
    public String javaPackage() {
        return javaPackage;
    }

    /** The compatibility level of subjects whose topic does not set one. */
    public CompatibilityLevel defaultCompatibility() {
        return defaultCompatibility;
    }

    /** The naming strategy of topics that do not set one. */
    public SubjectNamingStrategy defaultNaming() {
        return defaultNaming;
    }

    /** Every topic, sorted by name. */
    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public Optional<Topic> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    /** Every event type once, sorted by Java type name (an event may travel on several topics). */
    public List<Event> events() {
        Map<String, Event> byType = new TreeMap<>();
        topics.values().forEach(t -> t.events().forEach(e -> byType.putIfAbsent(e.javaTypeName(), e)));
        return List.copyOf(byType.values());
    }

    /**
     * Every subject once, sorted by name. Under RECORD naming several topics share a subject; it is
     * listed once, with the first topic (by name) that uses it.
     */
    public List<Subject> subjects() {
        Map<String, Subject> byName = new TreeMap<>();
        topics.values().forEach(t -> t.subjects().forEach(s -> byName.putIfAbsent(s.name(), s)));
        return List.copyOf(byName.values());
    }

    /** Every schema file the catalog uses (listed or referenced), sorted by path. */
    public List<SchemaFile> schemaFiles() {
        return List.copyOf(schemaFiles.values());
    }

    /** A schema file by its catalog-relative path (with {@code /}). */
    public Optional<SchemaFile> schemaFile(String path) {
        return Optional.ofNullable(schemaFiles.get(path));
    }

    /**
     * The parsed Avro schema of an Avro file of this catalog, with named types from referenced files
     * resolved. Do not modify it (Avro schemas accept new properties; the catalog's must not change).
     *
     * @throws IllegalArgumentException if the file is not an Avro file of this catalog
     */
    public Schema avroSchema(SchemaFile file) {
        Schema schema = avroSchemas.get(file.path());
        if (schema == null || file.format() != SchemaFormat.AVRO) {
            throw new IllegalArgumentException(file.path() + " is not an Avro schema of this catalog");
        }
        return schema;
    }

    /**
     * The JSON Schema of a JSON file of this catalog, as a tree (a copy: changing it changes
     * nothing in the catalog).
     *
     * @throws IllegalArgumentException if the file is not a JSON Schema file of this catalog
     */
    public JsonNode jsonSchema(SchemaFile file) {
        JsonNode node = jsonSchemas.get(file.path());
        if (node == null || file.format() != SchemaFormat.JSON) {
            throw new IllegalArgumentException(file.path() + " is not a JSON Schema of this catalog");
        }
        return node.deepCopy();
    }

    /** How the catalog's schema files hang together: references, {@code $ref} targets, Avro types. */
    public SchemaGraph schemaGraph() {
        return schemaGraph;
    }

    /**
     * The schema graph of an event: its schema file and every file it uses, with their {@code $ref}
     * targets and Avro named types.
     *
     * @throws IllegalArgumentException if the event's file is not a schema file of this catalog
     */
    public SchemaGraph schemaGraph(Event event) {
        return schemaGraph.rootedAt(event.schemaFile());
    }

    /**
     * Every file the given one references, directly or not, dependencies first: the order in which
     * a registry must receive them before the file itself (which is not included).
     *
     * @throws IllegalArgumentException if the file is not a schema file of this catalog
     */
    public List<SchemaFile> referencesInRegistrationOrder(SchemaFile file) {
        return schemaGraph.rootedAt(file).referencedFiles();
    }

    @Override
    public String toString() {
        return "Catalog[" + source + ", topics=" + topics.keySet() + "]";
    }
}
