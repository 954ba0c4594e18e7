package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates the JSON Schema files a catalog needs: the listed ones and every file they reach by
 * {@code $ref}. Each is checked against its draft's meta-schema; references must stay inside the
 * catalog and must not form cycles.
 */
final class JsonSchemaFiles {

    /** The drafts a catalog may use, with the {@code $schema} values that select them. */
    enum Draft {
        DRAFT_2020_12(SpecVersion.VersionFlag.V202012, "https://json-schema.org/draft/2020-12/schema"),
        DRAFT_07(SpecVersion.VersionFlag.V7, "http://json-schema.org/draft-07/schema#");

        final SpecVersion.VersionFlag version;
        final String uri;

        Draft(SpecVersion.VersionFlag version, String uri) {
            this.version = version;
            this.uri = uri;
        }

        static Optional<Draft> of(String schemaUri) {
            String normalized = schemaUri.replaceFirst("^https?://", "").replaceFirst("#$", "");
            for (Draft draft : values()) {
                if (draft.uri
                        .replaceFirst("^https?://", "")
                        .replaceFirst("#$", "")
                        .equals(normalized)) {
                    return Optional.of(draft);
                }
            }
            return Optional.empty();
        }
    }

    /** A file that validated, with its references resolved. */
    record Compiled(String path, String text, ParsedDocument document, Draft draft, List<FileReference> references) {
        JsonNode root() {
            return document.root();
        }
    }

    private record Ref(String written, String target, String fragment, String pointer) {}

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Map<Draft, JsonSchema> META_SCHEMAS = new HashMap<>();

    private final CatalogFiles files;
    private final Problems problems;
    private final Map<String, ParsedDocument> documents = new TreeMap<>();
    private final Map<String, Draft> drafts = new HashMap<>();
    private final Map<String, List<Ref>> refs = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    private JsonSchemaFiles(CatalogFiles files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    static Map<String, Compiled> compile(CatalogFiles files, Collection<String> listed, Problems problems) {
        return new JsonSchemaFiles(files, problems).compile(new TreeSet<>(listed));
    }

    private Map<String, Compiled> compile(Set<String> listed) {
        // Breadth first, a wave at a time: the files of a wave (the listed ones, then the files
        // they refer to, ...) are read and parsed over the cores, then checked in queue order, as
        // one by one.
        List<String> wave = new ArrayList<>(listed);
        Set<String> seen = new HashSet<>();
        while (!wave.isEmpty()) {
            List<String> paths = new ArrayList<>();
            for (String path : wave) {
                if (seen.add(path)) {
                    paths.add(path);
                }
            }
            List<String> next = new ArrayList<>();
            for (CatalogFiles.JsonFile file : files.readJson(paths, problems)) {
                problems.addAll(file.problems());
                load(file.path(), listed.contains(file.path()), file.document()).forEach(ref -> next.add(ref.target()));
            }
            wave = next;
        }
        checkFragments();
        Cycles.find(dependencyGraph()).forEach(cycle -> {
            String first = cycle.get(0);
            String next = cycle.size() > 1 ? cycle.get(1) : first;
            String pointer = refs.get(first).stream()
                    .filter(r -> r.target().equals(next))
                    .findFirst()
                    .map(Ref::pointer)
                    .orElse("");
            List<String> shown = new ArrayList<>(cycle);
            shown.add(first);
            fail(
                    first,
                    pointer,
                    "$ref cycle between schema files: "
                            + String.join(" -> ", shown)
                            + " — the registry needs every referenced schema registered first; move"
                            + " the definitions that refer to each other into one file's $defs");
            failed.addAll(cycle);
        });
        Map<String, Compiled> compiled = new TreeMap<>();
        for (String path : documents.keySet()) {
            if (!failed.contains(path) && dependenciesValid(path, new HashSet<>())) {
                compiled.put(path, compiled(path));
            }
        }
        return compiled;
    }

    private List<Ref> load(String path, boolean listed, Optional<ParsedDocument> parsed) {
        if (parsed.isEmpty()) {
            failed.add(path);
            return List.of();
        }
        ParsedDocument document = parsed.get();
        documents.put(path, document);
        JsonNode root = document.root();
        if (!root.isObject()) {
            fail(path, "", "a JSON Schema file must hold an object");
            return List.of();
        }
        Draft draft = Draft.DRAFT_2020_12;
        JsonNode schemaUri = root.get("$schema");
        if (schemaUri != null) {
            Optional<Draft> declared = schemaUri.isTextual() ? Draft.of(schemaUri.asText()) : Optional.empty();
            if (declared.isEmpty()) {
                fail(
                        path,
                        "/$schema",
                        "unsupported \"$schema\" "
                                + schemaUri
                                + ": use \""
                                + Draft.DRAFT_2020_12.uri
                                + "\" or \""
                                + Draft.DRAFT_07.uri
                                + "\" (or leave it out for draft 2020-12)");
                return List.of();
            }
            draft = declared.get();
        }
        drafts.put(path, draft);
        validateAgainstMetaSchema(document, draft);
        int properties = countProperties(path, root, "");
        if (properties > CatalogLimits.MAX_FIELDS_PER_FILE) {
            fail(
                    path,
                    "",
                    "the objects of this file have " + CatalogLimits.format(properties)
                            + " properties together, more than the limit of "
                            + CatalogLimits.format(CatalogLimits.MAX_FIELDS_PER_FILE)
                            + " per file: split the schema into several files");
        }
        if (listed) {
            JsonNode title = root.get("title");
            if (title == null || !title.isTextual() || title.asText().isBlank()) {
                fail(
                        path,
                        "",
                        "missing top-level \"title\": it names the event's record (the subject under RECORD"
                                + " and TOPIC_RECORD naming, and the Java type) — add e.g. \"title\":"
                                + " \"UserCreated\"");
            }
        }
        List<Ref> found = new ArrayList<>();
        collectRefs(path, root, "", found);
        refs.put(path, found);
        return found;
    }

    private void validateAgainstMetaSchema(ParsedDocument document, Draft draft) {
        JsonSchema metaSchema;
        synchronized (META_SCHEMAS) {
            metaSchema = META_SCHEMAS.computeIfAbsent(
                    draft, d -> JsonSchemaFactory.getInstance(d.version).getSchema(SchemaLocation.of(d.uri)));
        }
        for (ValidationMessage message : metaSchema.validate(document.root())) {
            String pointer = pointer(message.getInstanceLocation());
            fail(
                    document.file(),
                    pointer,
                    "not a valid JSON Schema ("
                            + (draft == Draft.DRAFT_07 ? "draft-07" : "draft 2020-12")
                            + ") at #"
                            + pointer
                            + ": "
                            + message.getError()
                            + " — see the meta-schema rule \""
                            + message.getType()
                            + "\"");
        }
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(ParsedDocument.segment(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static final Set<String> SCHEMA_KEYWORDS = Set.of(
            "items",
            "not",
            "if",
            "then",
            "else",
            "additionalProperties",
            "additionalItems",
            "contains",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contentSchema");
    private static final Set<String> SCHEMA_MAP_KEYWORDS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
    private static final Set<String> SCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");

    /**
     * Counts the properties of every object schema in the file, refusing an object with more than
     * {@link CatalogLimits#MAX_FIELDS_PER_RECORD}: each becomes a component of a generated record;
     * and an enum of more than {@link CatalogLimits#MAX_ENUM_SYMBOLS} values.
     */
    private int countProperties(String path, JsonNode schema, String pointer) {
        if (!schema.isObject()) {
            return 0;
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && values.size() > CatalogLimits.MAX_ENUM_SYMBOLS) {
            fail(
                    path,
                    pointer + "/enum",
                    "the enum has " + CatalogLimits.format(values.size()) + " values, more than the limit of "
                            + CatalogLimits.format(CatalogLimits.MAX_ENUM_SYMBOLS)
                            + ": a Java enum of more constants does not compile; use a string instead (with a"
                            + " \"pattern\" if it must be checked)");
        }
        int count = 0;
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            count += properties.size();
            if (properties.size() > CatalogLimits.MAX_FIELDS_PER_RECORD) {
                fail(
                        path,
                        pointer + "/properties",
                        "the object has "
                                + CatalogLimits.format(properties.size()) + " properties, more than the limit of "
                                + CatalogLimits.format(CatalogLimits.MAX_FIELDS_PER_RECORD)
                                + ": split it into smaller objects");
                return count;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPointer = pointer + "/" + ParsedDocument.segment(member.getKey());
            JsonNode value = member.getValue();
            if (SCHEMA_MAP_KEYWORDS.contains(member.getKey()) && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> sub = value.fields(); sub.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = sub.next();
                    count += countProperties(
                            path, entry.getValue(), memberPointer + "/" + ParsedDocument.segment(entry.getKey()));
                }
            } else if (SCHEMA_ARRAY_KEYWORDS.contains(member.getKey()) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    count += countProperties(path, value.get(i), memberPointer + "/" + i);
                }
            } else if (SCHEMA_KEYWORDS.contains(member.getKey())) {
                count += countProperties(path, value, memberPointer);
            }
        }
        return count;
    }

    private void collectRefs(String path, JsonNode node, String pointer, List<Ref> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(path, node.get(i), pointer + "/" + i, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPointer = pointer + "/" + ParsedDocument.segment(member.getKey());
            if (member.getKey().equals("$ref") && member.getValue().isTextual()) {
                ref(path, member.getValue().asText(), memberPointer).ifPresent(found::add);
            } else if (!member.getKey().equals("const")
                    && !member.getKey().equals("enum")
                    && !member.getKey().equals("examples")
                    && !member.getKey().equals("default")) {
                collectRefs(path, member.getValue(), memberPointer, found);
            }
        }
    }

    private Optional<Ref> ref(String path, String written, String pointer) {
        SchemaGraph.Ref parsed = SchemaGraph.Ref.parse(written);
        String document = parsed.document();
        String fragment = parsed.fragment();
        if (document.isEmpty()) {
            checkFragment(path, written, fragment, path, pointer);
            return Optional.empty();
        }
        if (URI_SCHEME.matcher(document).matches()) {
            fail(
                    path,
                    pointer,
                    "$ref \""
                            + written
                            + "\" points outside the catalog: copy the schema into the catalog and refer to it"
                            + " by a relative path, so that it is registered and versioned with the catalog");
            return Optional.empty();
        }
        Optional<String> target = files.resolve(CatalogFiles.directoryOf(path), document);
        if (target.isEmpty()) {
            fail(path, pointer, "$ref \"" + written + "\" leaves the catalog root: refer only to files inside it");
            return Optional.empty();
        }
        if (!target.get().endsWith(SchemaFormat.JSON.fileExtension())) {
            fail(path, pointer, "$ref \"" + written + "\" must name a .json JSON Schema file");
            return Optional.empty();
        }
        CatalogFiles.Target real = files.target(target.get());
        if (real.kind() == CatalogFiles.Target.Kind.OUTSIDE) {
            fail(
                    path,
                    pointer,
                    "$ref \""
                            + written
                            + "\" is a symbolic link that leads outside the catalog root (to "
                            + real.real()
                            + "): copy the file into the catalog, or link only to files inside it");
            return Optional.empty();
        }
        if (real.kind() == CatalogFiles.Target.Kind.MISSING) {
            fail(
                    path,
                    pointer,
                    "$ref \""
                            + written
                            + "\" names "
                            + target.get()
                            + ", which does not exist: fix the path (it is relative to this file) or add the"
                            + " file");
            return Optional.empty();
        }
        return Optional.of(new Ref(document, real.path(), fragment, pointer));
    }

    private void checkFragments() {
        refs.forEach((path, list) -> {
            for (Ref ref : list) {
                if (documents.containsKey(ref.target())) {
                    checkFragment(
                            path, ref.written() + "#" + ref.fragment(), ref.fragment(), ref.target(), ref.pointer());
                }
            }
        });
    }

    private void checkFragment(String path, String written, String fragment, String target, String pointer) {
        if (fragment.isEmpty()) {
            return;
        }
        ParsedDocument document = documents.get(target);
        if (document == null) {
            return;
        }
        if (!fragment.startsWith("/") || document.root().at(fragment).isMissingNode()) {
            fail(
                    path,
                    pointer,
                    "$ref \""
                            + written
                            + "\" points to nothing in "
                            + target
                            + ": the part after # must be a JSON pointer to an existing schema, e.g."
                            + " #/$defs/Task");
        }
    }

    private Map<String, Set<String>> dependencyGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        refs.forEach((path, list) -> {
            Set<String> targets = new TreeSet<>();
            list.forEach(r -> targets.add(r.target()));
            graph.put(path, targets);
        });
        return graph;
    }

    private boolean dependenciesValid(String path, Set<String> visiting) {
        if (failed.contains(path) || !documents.containsKey(path)) {
            return false;
        }
        if (!visiting.add(path)) {
            return true;
        }
        for (Ref ref : refs.getOrDefault(path, List.of())) {
            if (!dependenciesValid(ref.target(), visiting)) {
                return false;
            }
        }
        return true;
    }

    private Compiled compiled(String path) {
        Map<String, String> byName = new TreeMap<>();
        refs.getOrDefault(path, List.of()).forEach(r -> byName.putIfAbsent(r.written(), r.target()));
        List<FileReference> references = new ArrayList<>();
        byName.forEach((name, target) -> references.add(new FileReference(name, target)));
        return new Compiled(path, text(path), documents.get(path), drafts.get(path), references);
    }

    private String text(String path) {
        return files.read(path, problems).orElseThrow();
    }

    private void fail(String path, String pointer, String message) {
        failed.add(path);
        ParsedDocument document = documents.get(path);
        problems.add(path, document == null ? "" : document.locate(pointer), message);
    }
}
