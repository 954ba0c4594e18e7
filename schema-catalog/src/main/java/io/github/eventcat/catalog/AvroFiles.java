package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.ParseContext;
import org.apache.avro.Schema;
import org.apache.avro.util.SchemaResolver;

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

    /**
     * Every {@code .avsc} file under the root, read, parsed and scanned (over the cores), before
     * anyone knows which of them the catalog uses: {@link #compile} takes what it needs, so this
     * may run while the manifest is read. Problems of the catalog as a whole (its limits) wait in
     * {@code catalogProblems} too, as they are only the catalog's if the manifest is.
     */
    static final class Index {
        private final List<CatalogFiles.JsonFile> files;
        private final List<Optional<AvroScan>> scans;
        private final Problems catalogProblems;
        private final IOException failure;

        private Index(
                List<CatalogFiles.JsonFile> files,
                List<Optional<AvroScan>> scans,
                Problems catalogProblems,
                IOException failure) {
            this.files = files;
            this.scans = scans;
            this.catalogProblems = catalogProblems;
            this.failure = failure;
        }
    }

    /** Reads, parses and scans every Avro schema file under the root (see {@link Index}). */
    static Index index(CatalogFiles files) {
        Problems catalogProblems = new Problems();
        try {
            List<String> paths = files.listByExtension(SchemaFormat.AVRO.fileExtension(), catalogProblems);
            List<CatalogFiles.JsonFile> read = files.readJson(paths, catalogProblems);
            List<Optional<AvroScan>> scans =
                    Parallel.map(read, file -> file.document().map(document -> AvroScan.of(document.root())));
            return new Index(read, scans, catalogProblems, null);
        } catch (IOException e) {
            return new Index(List.of(), List.of(), catalogProblems, e);
        }
    }

    /** The compiled files by path; files with problems (reported) are absent. */
    static Map<String, Compiled> compile(CatalogFiles files, Index index, Collection<String> listed, Problems problems)
            throws IOException {
        return new AvroFiles(files, problems).compile(index, new TreeSet<>(listed));
    }

    private Map<String, Compiled> compile(Index index, Set<String> listed) throws IOException {
        take(index, listed);
        Set<String> needed = resolveNeeded(listed);
        reportDuplicateDefinitions(needed);
        reportCycles(needed);
        Map<String, Compiled> compiled = new TreeMap<>();
        for (List<String> wave : waves(topologicalOrder(needed))) {
            // The files of a wave only need types of earlier waves: they are parsed side by side.
            List<Parsed> parsed = Parallel.map(wave, path -> parse(path, compiled));
            for (Parsed p : parsed) {
                problems.addAll(p.problems());
                if (p.failed()) {
                    failed.add(p.path());
                }
                p.compiled().ifPresent(c -> compiled.put(p.path(), c));
            }
        }
        return compiled;
    }

    /** One file's parse: what it gave, and the problems it found (merged in order by the caller). */
    private record Parsed(String path, Optional<Compiled> compiled, boolean failed, Problems problems) {}

    /**
     * The topological order cut into waves: a file's wave comes after those of all its
     * dependencies; within a wave, files keep their topological order.
     */
    private List<List<String>> waves(List<String> order) {
        Map<String, Integer> waveOf = new HashMap<>();
        List<List<String>> waves = new ArrayList<>();
        for (String path : order) {
            int wave = 0;
            for (String dependency : dependencies(path)) {
                Integer before = waveOf.get(dependency);
                if (before != null) {
                    wave = Math.max(wave, before + 1);
                }
            }
            waveOf.put(path, wave);
            while (waves.size() <= wave) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(path);
        }
        return waves;
    }

    /** Takes the files of the index in path order: the result is the same as one by one. */
    private void take(Index index, Set<String> listed) throws IOException {
        problems.addAll(index.catalogProblems);
        if (index.failure != null) {
            throw index.failure;
        }
        for (int i = 0; i < index.files.size(); i++) {
            CatalogFiles.JsonFile file = index.files.get(i);
            String path = file.path();
            // A broken file nobody uses is not the catalog's problem; a broken file in use is.
            if (listed.contains(path)) {
                problems.addAll(file.problems());
            }
            Optional<AvroScan> scan = index.scans.get(i);
            if (scan.isEmpty()) {
                if (file.text().isPresent() && listed.contains(path)) {
                    failed.add(path);
                }
                continue;
            }
            Scanned scannedFile =
                    new Scanned(path, file.text().orElseThrow(), file.document().orElseThrow(), scan.get());
            scanned.put(path, scannedFile);
            for (AvroScan.Definition definition : scan.get().definitions()) {
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

    private Parsed parse(String path, Map<String, Compiled> compiled) {
        Problems sink = new Problems();
        Scanned file = scanned.get(path);
        if (file == null || failed.contains(path)) {
            return new Parsed(path, Optional.empty(), false, sink);
        }
        Map<String, Schema> dependencyTypes = new LinkedHashMap<>();
        for (String dependency : new TreeSet<>(dependencies(path))) {
            Compiled done = compiled.get(dependency);
            if (done == null) {
                // The dependency's own problem is reported; parsing this file would only echo it.
                return new Parsed(path, Optional.empty(), true, sink);
            }
            dependencyTypes.putAll(done.visibleTypes());
        }
        ParseContext context = new ParseContext();
        dependencyTypes.values().forEach(context::put);
        context.commit();
        Schema schema;
        try {
            // From the tree the index parsed, and without resolving references: Schema.Parser.parse
            // would copy every schema it knows to resolve them, and a file parsed after its
            // dependencies has none to resolve unless one of its own types refers to itself or to a
            // type defined later in the file (Avro adds a record to the context once its fields are
            // built). Defaults are checked field by field below, to report each bad one with its place.
            schema = AvroTreeParser.parse(file.document(), context);
            if (unresolvedName(schema, Collections.newSetFromMap(new IdentityHashMap<>()))
                    .filter(name -> context.getNamedSchema(name) != null)
                    .isPresent()) {
                context.commit();
                schema = context.resolve(schema);
            }
        } catch (AvroRuntimeException e) {
            sink.add(file.path(), file.document().locate(""), "Avro cannot parse the schema: " + e.getMessage());
            return new Parsed(path, Optional.empty(), true, sink);
        }
        Optional<String> unresolved = unresolvedName(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (unresolved.isPresent()) {
            sink.add(
                    file.path(),
                    file.document().locate(""),
                    "Avro cannot parse the schema: undefined name: " + unresolved.get());
            return new Parsed(path, Optional.empty(), true, sink);
        }
        if (!checkDefaults(file, context.typesByName(), sink)) {
            return new Parsed(path, Optional.empty(), true, sink);
        }
        List<FileReference> references = new ArrayList<>();
        referencesByFile
                .getOrDefault(path, Map.of())
                .forEach((name, definer) -> references.add(new FileReference(name, definer)));
        return new Parsed(
                path,
                Optional.of(new Compiled(
                        path,
                        file.text(),
                        file.document(),
                        file.scan(),
                        schema,
                        Map.copyOf(context.typesByName()),
                        List.copyOf(references))),
                false,
                sink);
    }

    /**
     * The first name Avro left unresolved in a schema (the scan resolved every name it saw, so
     * only a name Avro looked up differently gets here), walking each named type once.
     */
    private static Optional<String> unresolvedName(Schema schema, Set<Schema> seen) {
        if (SchemaResolver.isUnresolvedSchema(schema)) {
            return Optional.of(SchemaResolver.getUnresolvedSchemaName(schema));
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema)) {
                    for (Schema.Field field : schema.getFields()) {
                        Optional<String> name = unresolvedName(field.schema(), seen);
                        if (name.isPresent()) {
                            return name;
                        }
                    }
                }
            }
            case UNION -> {
                for (Schema branch : schema.getTypes()) {
                    Optional<String> name = unresolvedName(branch, seen);
                    if (name.isPresent()) {
                        return name;
                    }
                }
            }
            case ARRAY -> {
                return unresolvedName(schema.getElementType(), seen);
            }
            case MAP -> {
                return unresolvedName(schema.getValueType(), seen);
            }
            default -> {}
        }
        return Optional.empty();
    }

    private boolean checkDefaults(Scanned file, Map<String, Schema> types, Problems sink) {
        boolean valid = true;
        for (AvroScan.Definition definition : file.scan().definitions()) {
            Schema record = types.get(definition.fullName());
            if (!definition.kind().equals("record") || record == null) {
                continue;
            }
            List<Schema.Field> fields = record.getFields();
            // Avro parsed the record, so its "fields" is an array of objects, one per field.
            JsonNode fieldNodes =
                    file.document().root().at(definition.pointer()).path("fields");
            for (int i = 0; i < fields.size(); i++) {
                JsonNode value = fieldNodes.path(i).path("default");
                Schema.Field field = fields.get(i);
                if (!value.isMissingNode() && !field.schema().isValidDefault(value)) {
                    valid = false;
                    String pointer = definition.pointer() + "/fields/" + i;
                    sink.add(
                            file.path(),
                            file.document().locate(pointer + "/default"),
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
