package io.github.eventcat.catalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaGraph;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * One version of a subject's schema, as the compatibility checker compares it: parsed already, so
 * that the checker does not care whether it came from a catalog directory, a released catalog jar,
 * a git revision or a registry.
 */
public sealed interface CandidateSchema {

    /** A label for this version in findings, e.g. {@code 1.4.0} or {@code working tree}. */
    String version();

    SchemaFormat format();

    /** An Avro schema, with every named type it uses already resolved by the parser. */
    static CandidateSchema avro(String version, Schema schema) {
        return new Avro(version, schema);
    }

    /**
     * A JSON Schema.
     *
     * @param references the documents that {@code $ref}s to other files point to, keyed by the
     *     document part of the {@code $ref} (before its {@code #fragment}) exactly as the documents
     *     write it, including the references of referenced documents
     */
    static CandidateSchema json(String version, JsonNode schema, Map<String, JsonNode> references) {
        return new Json(version, schema, references);
    }

    /**
     * A schema file of a catalog as the checker compares it: Avro as parsed by the catalog, JSON
     * Schema with every document it references (directly or through other documents). Referenced
     * documents are keyed by their catalog path, and every {@code $ref} to another file is rewritten
     * to that path as the catalog's {@link SchemaGraph} resolves it, so that two files of the same
     * name in different folders stay apart.
     */
    static CandidateSchema of(Catalog catalog, SchemaFile file, String version) {
        if (file.format() == SchemaFormat.AVRO) {
            return avro(version, catalog.avroSchema(file));
        }
        SchemaGraph graph = catalog.schemaGraph().rootedAt(file);
        Set<String> targets = new TreeSet<>();
        Map<String, JsonNode> references = new TreeMap<>();
        for (SchemaFile document : graph.referencedFiles()) {
            references.put(
                    document.path(), withCatalogPaths(graph, document.path(), catalog.jsonSchema(document), targets));
        }
        JsonNode root = withCatalogPaths(graph, file.path(), catalog.jsonSchema(file), targets);
        if (targets.contains(file.path())) { // a referenced document refers back to the root
            references.put(file.path(), root);
        }
        return json(version, root, references);
    }

    /** A copy of {@code document} whose {@code $ref}s to other files name them by catalog path. */
    private static JsonNode withCatalogPaths(SchemaGraph graph, String owner, JsonNode document, Set<String> targets) {
        JsonNode copy = document.deepCopy();
        rewriteRefs(graph, owner, copy, targets);
        return copy;
    }

    private static void rewriteRefs(SchemaGraph graph, String owner, JsonNode node, Set<String> targets) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                SchemaGraph.Ref written = SchemaGraph.Ref.parse(ref.asText());
                if (!written.document().isEmpty()) {
                    graph.resolve(owner, ref.asText()).ifPresent(target -> {
                        targets.add(target.file());
                        ((ObjectNode) node)
                                .put(
                                        "$ref",
                                        written.fragment().isEmpty()
                                                ? target.file()
                                                : target.file() + "#" + written.fragment());
                    });
                }
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref")) {
                    rewriteRefs(graph, owner, field.getValue(), targets);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> rewriteRefs(graph, owner, element, targets));
        }
    }

    /** A JSON Schema with no {@code $ref} to another file. */
    static CandidateSchema json(String version, JsonNode schema) {
        return new Json(version, schema, Map.of());
    }

    record Avro(String version, Schema schema) implements CandidateSchema {
        public Avro {
            Objects.requireNonNull(version, "version == null");
            Objects.requireNonNull(schema, "schema == null");
        }

        @Override
        public SchemaFormat format() {
            return SchemaFormat.AVRO;
        }
    }

    record Json(String version, JsonNode schema, Map<String, JsonNode> references) implements CandidateSchema {
        public Json {
            Objects.requireNonNull(version, "version == null");
            Objects.requireNonNull(schema, "schema == null");
            references = Map.copyOf(references);
        }

        @Override
        public SchemaFormat format() {
            return SchemaFormat.JSON;
        }
    }
}
