package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * How the schema files of a catalog hang together, as the loader resolved them: which files a file
 * uses (transitively, dependencies first), where each JSON Schema {@code $ref} leads (file, JSON
 * pointer, schema) and which file defines each Avro named type. The one place that resolves
 * references: code generation and the compatibility rules ask it instead of resolving on their own.
 *
 * <p>Get the whole catalog's graph from {@link Catalog#schemaGraph()} and an event's from {@link
 * Catalog#schemaGraph(Event)}. The graph does not change; the JSON trees and Avro schemas it hands
 * out are the catalog's own, to read and not to modify (copy a tree before changing it).
 */
public final class SchemaGraph {
    /** How many {@code $ref}s {@link #follow} goes through before giving up: a chain, not a loop. */
    public static final int MAX_REF_LINKS = 32;

    /**
     * A schema a reference leads to.
     *
     * @param file the catalog-relative path of the file that holds it
     * @param pointer its JSON pointer in that file ({@code ""} for the file's root schema)
     * @param node the schema (a missing node when the pointer names nothing)
     */
    public record Resolved(String file, String pointer, JsonNode node) {
        public Resolved {
            Objects.requireNonNull(file, "file == null");
            Objects.requireNonNull(pointer, "pointer == null");
            Objects.requireNonNull(node, "node == null");
        }
    }

    /**
     * An Avro named type (record, enum or fixed) and the file that defines it.
     *
     * @param fullName {@code namespace.name}
     * @param file the catalog-relative path of the defining file
     * @param pointer the JSON pointer of the definition in that file
     * @param schema the parsed type
     */
    public record AvroNamedType(String fullName, String file, String pointer, Schema schema) {
        public AvroNamedType {
            Objects.requireNonNull(fullName, "fullName == null");
            Objects.requireNonNull(file, "file == null");
            Objects.requireNonNull(pointer, "pointer == null");
            Objects.requireNonNull(schema, "schema == null");
        }
    }

    /**
     * A {@code $ref} as written, split at its {@code #}.
     *
     * @param document the part before {@code #}, a path relative to the referring file; {@code ""}
     *     for the referring document itself
     * @param fragment the part after {@code #}, a JSON pointer; {@code ""} for the whole document
     */
    public record Ref(String document, String fragment) {
        public static Ref parse(String written) {
            int hash = written.indexOf('#');
            return hash < 0 ? new Ref(written, "") : new Ref(written.substring(0, hash), written.substring(hash + 1));
        }
    }

    private final Map<String, SchemaFile> files;
    private final Map<String, JsonNode> jsonRoots;
    private final Map<String, AvroNamedType> avroTypes;
    /** The JSON files' {@code $ref} documents as written, by referring file: where each leads. */
    private final Map<String, Map<String, String>> refTargets;

    private final Optional<SchemaFile> root;
    private final List<SchemaFile> ordered;
    /** The paths of {@link #ordered}, for a rooted graph; null for a whole catalog's. */
    private final Set<String> rootedPaths;

    SchemaGraph(Map<String, SchemaFile> files, Map<String, JsonNode> jsonRoots, Map<String, AvroNamedType> avroTypes) {
        this(files, jsonRoots, avroTypes, refTargets(files), Optional.empty());
    }

    private SchemaGraph(
            Map<String, SchemaFile> files,
            Map<String, JsonNode> jsonRoots,
            Map<String, AvroNamedType> avroTypes,
            Map<String, Map<String, String>> refTargets,
            Optional<SchemaFile> root) {
        this.files = files;
        this.jsonRoots = jsonRoots;
        this.avroTypes = avroTypes;
        this.refTargets = refTargets;
        this.root = root;
        this.ordered = root.isPresent() ? dependencyOrder(root.get()) : List.copyOf(files.values());
        if (root.isPresent()) {
            Set<String> paths = new HashSet<>();
            ordered.forEach(f -> paths.add(f.path()));
            this.rootedPaths = Set.copyOf(paths);
        } else {
            this.rootedPaths = null;
        }
    }

    /**
     * A graph of one standalone JSON document, for schemas that are no catalog file (such as a
     * bundle of a schema and the documents it references): only references inside the document
     * resolve.
     */
    public static SchemaGraph ofDocument(String name, JsonNode document) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(document, "document == null");
        return new SchemaGraph(
                Map.of(name, new SchemaFile(name, SchemaFormat.JSON, "", List.of())),
                Map.of(name, document),
                Map.of(),
                Map.of(),
                Optional.empty());
    }

    /**
     * The graph of what {@code file} uses: the file and every file it reaches, nothing else.
     *
     * @throws IllegalArgumentException if the file is not in this graph
     */
    public SchemaGraph rootedAt(SchemaFile file) {
        if (!contains(file.path())) {
            throw new IllegalArgumentException(file.path() + " is not a schema file of this catalog");
        }
        return new SchemaGraph(files, jsonRoots, avroTypes, refTargets, Optional.of(file));
    }

    /** The file this graph was taken from (an event's schema file); empty for a whole catalog. */
    public Optional<SchemaFile> root() {
        return root;
    }

    /**
     * Every file of the graph. For an event's graph, dependencies first and the event's file last;
     * for a catalog's, sorted by path.
     */
    public List<SchemaFile> files() {
        return ordered;
    }

    /**
     * The files the root uses, directly or not, dependencies first: the order in which a registry
     * must receive them before the root (which is not included). For a catalog's graph, every file.
     */
    public List<SchemaFile> referencedFiles() {
        return root.isPresent() ? ordered.subList(0, ordered.size() - 1) : ordered;
    }

    /** Whether the graph holds the file. */
    public boolean contains(String file) {
        return rootedPaths == null ? files.containsKey(file) : rootedPaths.contains(file);
    }

    /**
     * The schema at a JSON pointer of a JSON Schema file of the graph; empty when the file is not a
     * JSON Schema file of the graph or the pointer is not a JSON pointer.
     */
    public Optional<Resolved> at(String file, String pointer) {
        JsonNode document = jsonRoots.get(file);
        if (document == null || !(pointer.isEmpty() || pointer.startsWith("/")) || !contains(file)) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(file, pointer, document.at(pointer)));
    }

    /**
     * Where a {@code $ref} written in {@code file} leads: the document it names (relative to the
     * referring file, links followed as the loader followed them) and the JSON pointer after its
     * {@code #}. Empty when it leads nowhere in the graph. The node is missing when the document is
     * there but the pointer names nothing in it.
     */
    public Optional<Resolved> resolve(String file, String ref) {
        Ref parsed = Ref.parse(ref);
        String target = parsed.document().isEmpty()
                ? file
                : refTargets.getOrDefault(file, Map.of()).get(parsed.document());
        return target == null ? Optional.empty() : at(target, parsed.fragment());
    }

    /**
     * Follows {@code $ref}s from a schema to the schema they name, through at most {@value
     * #MAX_REF_LINKS} links. The result still holds a {@code $ref} when the chain is longer, or when a
     * link leads nowhere.
     */
    public Resolved follow(Resolved schema) {
        Resolved current = schema;
        for (int links = 0; links < MAX_REF_LINKS; links++) {
            JsonNode ref = current.node().get("$ref");
            if (ref == null || !ref.isTextual()) {
                return current;
            }
            Optional<Resolved> next = resolve(current.file(), ref.asText());
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    /**
     * The Avro named types of the graph's files by full name, each with the file that defines it.
     */
    public Map<String, AvroNamedType> avroNamedTypes() {
        if (root.isEmpty()) {
            return avroTypes;
        }
        Map<String, AvroNamedType> types = new TreeMap<>();
        avroTypes.forEach((name, type) -> {
            if (rootedPaths.contains(type.file())) {
                types.put(name, type);
            }
        });
        return Collections.unmodifiableMap(types);
    }

    /** An Avro named type of the graph by full name. */
    public Optional<AvroNamedType> avroNamedType(String fullName) {
        return Optional.ofNullable(avroNamedTypes().get(fullName));
    }

    /** The file and everything it uses, post-order: dependencies first, each file once. */
    private List<SchemaFile> dependencyOrder(SchemaFile file) {
        Set<String> order = new LinkedHashSet<>();
        visit(file, order, new LinkedHashSet<>());
        List<SchemaFile> result = new ArrayList<>();
        order.forEach(path -> result.add(files.get(path)));
        return List.copyOf(result);
    }

    private void visit(SchemaFile file, Set<String> order, Set<String> visiting) {
        if (order.contains(file.path()) || !visiting.add(file.path())) {
            return;
        }
        file.references().stream()
                .map(FileReference::path)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .forEach(path -> visit(files.get(path), order, visiting));
        order.add(file.path());
    }

    private static Map<String, Map<String, String>> refTargets(Map<String, SchemaFile> files) {
        Map<String, Map<String, String>> targets = new HashMap<>();
        for (SchemaFile file : files.values()) {
            if (file.format() == SchemaFormat.JSON && !file.references().isEmpty()) {
                Map<String, String> byDocument = new HashMap<>();
                // A JSON Schema file's reference is named by its $ref document as written.
                file.references().forEach(r -> byDocument.putIfAbsent(r.name(), r.path()));
                targets.put(file.path(), Map.copyOf(byDocument));
            }
        }
        return Map.copyOf(targets);
    }

    @Override
    public String toString() {
        return "SchemaGraph[" + root.map(SchemaFile::path).orElse("catalog") + ", " + ordered.size() + " files]";
    }
}
