package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An event's JSON schema and the schema files it references ({@link JsonEventType#references()}),
 * placed at URIs so that relative {@code $ref}s resolve: the event's schema at its absolute
 * {@code $id} if it has one, else at {@link #DEFAULT_ROOT}; each reference at the root's URI
 * resolved with its key. Nothing is fetched from these URIs: the validator is handed the texts.
 */
final class JsonSchemaDocuments {
    /** Where an event schema without an absolute {@code $id} is placed; {@code .invalid} never resolves. */
    static final URI DEFAULT_ROOT = URI.create("https://schemas.eventcat.invalid/catalog/event.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A {@code $ref} to another file: {@code name} as written (no fragment), {@code key} of the file it finds, if given. */
    record Link(String name, Optional<String> key) {}

    private final String rootText;
    private final Map<String, String> referenceTexts;
    private final Map<String, JsonNode> trees = new LinkedHashMap<>();
    private final URI root;

    JsonSchemaDocuments(String rootText, Map<String, String> referenceTexts) {
        this.rootText = rootText;
        this.referenceTexts = new TreeMap<>(referenceTexts);
        JsonNode rootTree = parse("the event schema", rootText);
        trees.put("", rootTree);
        referenceTexts.forEach((key, text) -> trees.put(key, parse("referenced schema " + key, text)));
        this.root = absoluteId(rootTree).orElse(DEFAULT_ROOT);
    }

    /** Fails with every {@code $ref} to another file whose text is not among {@code references}; nothing to check without references. */
    static void checkReferences(String eventName, String schema, Map<String, String> references) {
        if (references.isEmpty()) {
            return; // a schema of its own (or a caller that does not pass references: only local $refs resolve then)
        }
        JsonSchemaDocuments documents = new JsonSchemaDocuments(schema, references);
        List<String> missing = new ArrayList<>();
        for (String key : documents.keys()) {
            for (Link link : documents.links(key)) {
                if (link.key().isEmpty()) {
                    missing.add((key.isEmpty() ? "the event schema" : key) + " → \"" + link.name() + "\"");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "JSON event " + eventName + ": no schema text given for " + String.join(", ", missing)
                            + ". Pass every referenced file, keyed by its $ref relative to the event's schema, in JsonEventType's references");
        }
    }

    /** The event schema ({@code ""}) and the referenced files' keys. */
    List<String> keys() {
        return List.copyOf(trees.keySet());
    }

    String text(String key) {
        return key.isEmpty() ? rootText : referenceTexts.get(key);
    }

    JsonNode tree(String key) {
        return trees.get(key);
    }

    URI uri(String key) {
        return key.isEmpty() ? root : root.resolve(key);
    }

    /** Referenced texts by absolute URI, for the validator's schema loader. */
    Map<String, String> textsByUri() {
        Map<String, String> byUri = new LinkedHashMap<>();
        referenceTexts.forEach((key, text) -> byUri.put(uri(key).toString(), text));
        return byUri;
    }

    /** The other files that {@code key}'s schema {@code $ref}s directly, by name as written, sorted. */
    List<Link> links(String key) {
        TreeSet<String> names = new TreeSet<>();
        collectRefs(trees.get(key), names);
        URI base = uri(key);
        List<Link> links = new ArrayList<>();
        for (String name : names) {
            URI target = base.resolve(name);
            Optional<String> found = referenceTexts.keySet().stream()
                    .filter(k -> uri(k).equals(target))
                    .findFirst();
            links.add(new Link(name, found));
        }
        return links;
    }

    /** The subject a referenced file is registered under, as registry:sync names it: its {@code title}, else its key. */
    String subject(String key) {
        JsonNode title = trees.get(key).path("title");
        return title.isTextual() && !title.asText().isBlank() ? title.asText() : key;
    }

    private static void collectRefs(JsonNode node, TreeSet<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    int hash = ref.indexOf('#');
                    String file = hash < 0 ? ref : ref.substring(0, hash);
                    if (!file.isEmpty()) {
                        names.add(file);
                    }
                } else {
                    collectRefs(field.getValue(), names);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, names));
        }
    }

    private static Optional<URI> absoluteId(JsonNode tree) {
        JsonNode id = tree.path("$id");
        if (!id.isTextual()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(id.asText());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String what, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " does not parse as JSON: " + e.getMessage(), e);
        }
    }
}
