package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses the Avro schema files a catalog needs: the listed ones and every file that defines a named
 * type they use, found anywhere under the catalog root. Files are parsed dependencies first, each
 * with the types of its dependencies added, so named types may be spread over files in any order.
 */
final class AvroFiles {

    /** A schema file that parsed, with its resolved cross-file references. */
    record Compiled(
            String path,
            String text,
            ParsedDocument document,
            AvroScan scan,
            Schema schema,
            Map<String, Schema> visibleTypes,
            List<FileReference> references) {}

    private record Scanned(String path, String text, ParsedDocument document, AvroScan scan) {}

    private final CatalogFiles files;
    private final Problems problems;
    private final Map<String, Scanned> scanned = new TreeMap<>();
    private final Map<String, Set<String>> definers = new HashMap<>();
    private final Map<String, Map<String, String>> referencesByFile = new TreeMap<>();
    private final Map<String, Map<String, String>> referencePointers = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    private AvroFiles(CatalogFiles files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    /** The compiled files by path; files with problems (reported) are absent. */
    static Map<String, Compiled> compile(CatalogFiles files, Collection<String> listed, Problems problems)
            throws IOException {
        return new AvroFiles(files, problems).compile(new TreeSet<>(listed));
    }

    private Map<String, Compiled> compile(Set<String> listed) throws IOException {
        index(listed);
        Set<String> needed = resolveNeeded(listed);
        reportDuplicateDefinitions(needed);
        reportCycles(needed);
        Map<String, Compiled> compiled = new TreeMap<>();
        for (String path : topologicalOrder(needed)) {
            parse(path, compiled).ifPresent(c -> compiled.put(path, c));
        }
        return compiled;
    }

    private void index(Set<String> listed) throws IOException {
        for (String path : files.listByExtension(SchemaFormat.AVRO.fileExtension())) {
            // A broken file nobody uses is not the catalog's problem; a broken file in use is.
            Problems sink = listed.contains(path) ? problems : new Problems();
            Optional<String> text = files.read(path, sink);
            if (text.isEmpty()) {
                continue;
            }
            Optional<ParsedDocument> document = ParsedDocument.json(path, text.get(), sink);
            if (document.isEmpty()) {
                if (listed.contains(path)) {
                    failed.add(path);
                }
                continue;
            }
            AvroScan scan = AvroScan.of(document.get().root());
            scanned.put(path, new Scanned(path, text.get(), document.get(), scan));
            for (AvroScan.Definition definition : scan.definitions()) {
                definers.computeIfAbsent(definition.fullName(), n -> new TreeSet<>())
                        .add(path);
            }
        }
    }

    private Set<String> resolveNeeded(Set<String> listed) {
        Set<String> needed = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(listed);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            Scanned file = scanned.get(path);
            if (file == null || !needed.add(path)) {
                continue;
            }
            for (AvroScan.Mistake mistake : file.scan().mistakes()) {
                fail(file, mistake.pointer(), mistake.message());
            }
            Map<String, AvroScan.Definition> local = new HashMap<>();
            for (AvroScan.Definition definition : file.scan().definitions()) {
                if (local.putIfAbsent(definition.fullName(), definition) != null) {
                    fail(
                            file,
                            definition.pointer(),
                            "type \""
                                    + definition.fullName()
                                    + "\" is defined twice in this file: rename one, or use the name to refer to"
                                    + " the first definition");
                }
            }
            Map<String, String> references = new TreeMap<>();
            Map<String, String> pointers = new HashMap<>();
            for (AvroScan.Use use : file.scan().uses()) {
                Optional<String> resolved = resolve(file, use, local.keySet());
                resolved.ifPresent(name -> {
                    String definer = definers.get(name).iterator().next();
                    if (!local.containsKey(name)) {
                        references.putIfAbsent(name, definer);
                        pointers.putIfAbsent(definer, use.pointer());
                        queue.addLast(definer);
                    }
                });
            }
            referencesByFile.put(path, references);
            referencePointers.put(path, pointers);
        }
        return needed;
    }

    private Optional<String> resolve(Scanned file, AvroScan.Use use, Set<String> local) {
        for (String candidate : use.candidates()) {
            if (local.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String candidate : use.candidates()) {
            Set<String> paths = definers.get(candidate);
            if (paths == null) {
                continue;
            }
            if (paths.size() > 1) {
                fail(
                        file,
                        use.pointer(),
                        "type \""
                                + candidate
                                + "\" is defined in several files ("
                                + String.join(", ", paths)
                                + "): keep one definition so that the reference is unambiguous");
                return Optional.empty();
            }
            return Optional.of(candidate);
        }
        fail(
                file,
                use.pointer(),
                "unknown type \""
                        + use.written()
                        + "\""
                        + (use.candidates().size() > 1
                                ? " (looked up as \"" + use.candidates().get(0) + "\")"
                                : "")
                        + ": it is not an Avro primitive type and no .avsc file under the catalog root"
                        + " defines it — fix the name or add the schema that defines it");
        return Optional.empty();
    }

    private void reportDuplicateDefinitions(Set<String> needed) {
        Map<String, String> firstDefiner = new HashMap<>();
        for (String path : needed) {
            Scanned file = scanned.get(path);
            for (AvroScan.Definition definition : file.scan().definitions()) {
                String first = firstDefiner.putIfAbsent(definition.fullName(), path);
                if (first != null && !first.equals(path)) {
                    fail(
                            file,
                            definition.pointer(),
                            "type \""
                                    + definition.fullName()
                                    + "\" is already defined in "
                                    + first
                                    + ": a named type must be defined in one file only — refer to it by name"
                                    + " instead, or rename it");
                }
            }
        }
    }

    private void reportCycles(Set<String> needed) {
        Map<String, Set<String>> graph = new TreeMap<>();
        needed.forEach(path -> graph.put(path, new TreeSet<>(dependencies(path))));
        for (List<String> cycle : Cycles.find(graph)) {
            String first = cycle.get(0);
            String next = cycle.size() > 1 ? cycle.get(1) : first;
            List<String> shown = new ArrayList<>(cycle);
            shown.add(first);
            fail(
                    scanned.get(first),
                    referencePointers.get(first).get(next),
                    "reference cycle between schema files: "
                            + String.join(" -> ", shown)
                            + " — the registry needs every referenced schema registered first; move the types"
                            + " that refer to each other into one file");
            failed.addAll(cycle);
        }
    }

    private Collection<String> dependencies(String path) {
        Map<String, String> references = referencesByFile.get(path);
        return references == null ? List.of() : new TreeSet<>(references.values());
    }

    private List<String> topologicalOrder(Set<String> needed) {
        List<String> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String path : needed) {
            visit(path, visited, new HashSet<>(), order);
        }
        return order;
    }

    private void visit(String path, Set<String> visited, Set<String> inProgress, List<String> order) {
        if (visited.contains(path) || !inProgress.add(path)) {
            return;
        }
        for (String dependency : new TreeSet<>(dependencies(path))) {
            visit(dependency, visited, inProgress, order);
        }
        visited.add(path);
        order.add(path);
    }

    private Optional<Compiled> parse(String path, Map<String, Compiled> compiled) {
        Scanned file = scanned.get(path);
        if (file == null || failed.contains(path)) {
            return Optional.empty();
        }
        Map<String, Schema> dependencyTypes = new LinkedHashMap<>();
        for (String dependency : new TreeSet<>(dependencies(path))) {
            Compiled done = compiled.get(dependency);
            if (done == null) {
                // The dependency's own problem is reported; parsing this file would only echo it.
                failed.add(path);
                return Optional.empty();
            }
            dependencyTypes.putAll(done.visibleTypes());
        }
        Schema.Parser parser = new Schema.Parser();
        // Defaults are checked field by field below, to report each bad one with its place.
        parser.setValidateDefaults(false);
        parser.addTypes(dependencyTypes.values());
        Schema schema;
        try {
            schema = parser.parse(file.text());
        } catch (AvroRuntimeException e) {
            fail(file, "", "Avro cannot parse the schema: " + e.getMessage());
            return Optional.empty();
        }
        if (!checkDefaults(file, parser.getTypes())) {
            return Optional.empty();
        }
        List<FileReference> references = new ArrayList<>();
        referencesByFile
                .getOrDefault(path, Map.of())
                .forEach((name, definer) -> references.add(new FileReference(name, definer)));
        return Optional.of(new Compiled(
                path,
                file.text(),
                file.document(),
                file.scan(),
                schema,
                Map.copyOf(parser.getTypes()),
                List.copyOf(references)));
    }

    private boolean checkDefaults(Scanned file, Map<String, Schema> types) {
        boolean valid = true;
        for (AvroScan.Definition definition : file.scan().definitions()) {
            Schema record = types.get(definition.fullName());
            if (!definition.kind().equals("record") || record == null) {
                continue;
            }
            List<Schema.Field> fields = record.getFields();
            for (int i = 0; i < fields.size(); i++) {
                String pointer = definition.pointer() + "/fields/" + i;
                JsonNode value = file.document().root().at(pointer + "/default");
                Schema.Field field = fields.get(i);
                if (!value.isMissingNode() && !field.schema().isValidDefault(value)) {
                    valid = false;
                    fail(
                            file,
                            pointer + "/default",
                            "field \""
                                    + field.name()
                                    + "\" has default "
                                    + value
                                    + ", which is not a valid "
                                    + describe(field.schema())
                                    + " — give a default of the field's type (for a union, of its first type),"
                                    + " or remove the default");
                }
            }
        }
        return valid;
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> "value of the union " + schema;
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
            default -> schema.getType().getName();
        };
    }

    private void fail(Scanned file, String pointer, String message) {
        failed.add(file.path());
        problems.add(file.path(), file.document().locate(pointer), message);
    }
}
