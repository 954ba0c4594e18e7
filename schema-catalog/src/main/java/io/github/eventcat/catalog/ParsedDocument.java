package io.github.eventcat.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A JSON or YAML document parsed into a tree, remembering where each value and each object key
 * starts so that problems found in the tree can be reported at {@code line:column}.
 */
final class ParsedDocument {

    private static final ObjectMapper JSON = mapper(new JsonFactory());
    // rebuild(), not builder(): a builder starts without the factory's default parser features (an
    // empty value would read as "" instead of null).
    private static final ObjectMapper YAML = mapper(
            new YAMLFactory().rebuild().loaderOptions(manifestLoaderOptions()).build());

    /**
     * JSON in one pass: the parser itself refuses nesting past the limit. A file it refuses for any
     * reason is parsed again the careful way ({@link #parse}), which reports exactly what is wrong.
     */
    private static final ObjectMapper JSON_ONE_PASS = mapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(CatalogLimits.MAX_NESTING_DEPTH)
                    .build())
            .build());

    /**
     * Locations asked for one by one are found by a scan that stops at the value; a document asked
     * for more than this many (the manifest, a linted schema) gets them all indexed at once.
     */
    private static final int SCANS_BEFORE_INDEX = 8;

    /** Where every value and key starts, and how numbers are written; built on first need. */
    private record Index(Map<String, String> values, Map<String, String> keys, Map<String, String> numbers) {}

    private final ObjectMapper mapper;
    private final String file;
    private final String text;
    private final JsonNode root;
    private Index index;
    private int scans;
    /** Whether the text is known to hold nothing after the root value (only JSON read in one pass). */
    private boolean alone;

    private ParsedDocument(ObjectMapper mapper, String file, String text, JsonNode root) {
        this.mapper = mapper;
        this.file = file;
        this.text = text;
        this.root = root;
    }

    private static ObjectMapper mapper(JsonFactory factory) {
        // Duplicate keys silently overwrite each other otherwise: a topic listed twice would vanish.
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return new ObjectMapper(factory);
    }

    /** Parses JSON text, or reports why it does not parse. */
    static Optional<ParsedDocument> json(String file, String text, Problems problems) {
        return json(file, text, problems, JSON_ONE_PASS.getNodeFactory());
    }

    /** {@link #json} with the tree built by {@code nodes} (a load's {@link SharingNodeFactory}). */
    static Optional<ParsedDocument> json(String file, String text, Problems problems, JsonNodeFactory nodes) {
        // Most schema files are valid: read them in a single pass (with the nesting limit enforced
        // by the parser) instead of a checking pass and then the tree.
        try (JsonParser parser = JSON_ONE_PASS.getFactory().createParser(text)) {
            JsonNode root = JSON_ONE_PASS.reader().with(nodes).readTree(parser);
            if (root != null && !root.isMissingNode()) {
                boolean alone = parser.nextToken() == null;
                while (parser.nextToken() != null) {
                    // what follows the document is checked as the checking pass would
                }
                ParsedDocument document = new ParsedDocument(JSON, file, text, root);
                document.alone = alone;
                return Optional.of(document);
            }
        } catch (IOException e) {
            // reported below, where and how the checking pass finds it
        }
        return jsonCarefully(file, text, problems);
    }

    /** JSON with a checking pass before the tree: what {@link #json} falls back to (and tests compare). */
    static Optional<ParsedDocument> jsonCarefully(String file, String text, Problems problems) {
        return parse(JSON, "JSON", file, text, problems);
    }

    /**
     * SnakeYAML refuses a document of more than 3 MiB by default: the manifest may be as large as
     * {@link CatalogLimits#MAX_MANIFEST_BYTES}, checked before it is read (a code point is at least a
     * byte).
     */
    private static LoaderOptions manifestLoaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(CatalogLimits.MAX_MANIFEST_BYTES);
        return options;
    }

    /** Parses YAML text, or reports why it does not parse. */
    static Optional<ParsedDocument> yaml(String file, String text, Problems problems) {
        return parse(YAML, "YAML", file, text, problems);
    }

    private static Optional<ParsedDocument> parse(
            ObjectMapper mapper, String language, String file, String text, Problems problems) {
        // One streaming pass before the tree is built: it finds what the tree would hide (YAML
        // aliases read as plain strings) and stops deep nesting early. Where each value starts is
        // only worked out when asked for (see locate), as most files never have a problem.
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            int depth = 0;
            int aliases = 0;
            String firstAlias = "";
            String firstAliasName = "";
            YAMLParser yaml = parser instanceof YAMLParser y ? y : null;
            // A YAML document is the manifest (or a lint configuration), asked for many locations:
            // its index is built in this pass rather than by tokenizing the text once more.
            // Its tokens are kept as well, so that the tree is built without running SnakeYAML again.
            IndexBuilder indexBuilder = yaml != null ? new IndexBuilder() : null;
            TokenBuffer tokens = yaml != null ? new TokenBuffer(parser) : null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (indexBuilder != null) {
                    indexBuilder.add(parser, token);
                    tokens.copyCurrentEvent(parser);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (++depth > CatalogLimits.MAX_NESTING_DEPTH) {
                        problems.add(
                                file,
                                render(parser.currentTokenLocation()),
                                "nested more than "
                                        + CatalogLimits.MAX_NESTING_DEPTH
                                        + " levels deep, the limit: flatten the schema,"
                                        + " e.g. define nested records as their own named types or files");
                        return Optional.empty();
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
                if (yaml != null && yaml.isCurrentAlias()) {
                    if (aliases++ == 0) {
                        firstAlias = render(parser.currentTokenLocation());
                        firstAliasName = yaml.getText();
                    }
                }
            }
            if (aliases > 0) {
                // Jackson reads an alias as the anchor's name ("partitions: *n" is "n"), and expanding
                // aliases invites alias bombs; a manifest is short enough to write values out.
                problems.add(
                        file,
                        firstAlias,
                        "YAML anchors and aliases are not supported in " + file
                                + ": write the value out instead of the alias *" + firstAliasName
                                + (aliases == 1 ? "" : " (" + aliases + " aliases in the file, the first here)"));
                return Optional.empty();
            }
            JsonNode root;
            if (tokens != null) {
                try (JsonParser replay = tokens.asParser()) {
                    root = mapper.readTree(replay);
                }
            } else {
                root = mapper.readTree(text);
            }
            if (root == null || root.isMissingNode()) {
                problems.add(file, "", "the file is empty: it must hold a " + language + " document");
                return Optional.empty();
            }
            ParsedDocument document = new ParsedDocument(mapper, file, text, root);
            if (indexBuilder != null) {
                document.index = indexBuilder.build();
            }
            return Optional.of(document);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            problems.add(
                    file,
                    where == null ? "" : render(where),
                    "not valid " + language + ": " + oneLine(e.getOriginalMessage()) + " — fix the syntax");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(file, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Every value's and key's location, by JSON pointer (the text parsed once already). */
    private synchronized Index index() {
        if (index != null) {
            return index;
        }
        IndexBuilder builder = new IndexBuilder();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                builder.add(parser, token);
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " parsed before but not now", e);
        }
        index = builder.build();
        return index;
    }

    /** Collects the {@link Index} token by token. */
    private static final class IndexBuilder {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, String> numbers = new HashMap<>();
        /**
         * The pointers of the objects and arrays open at the current token, innermost last: each
         * token's pointer is its container's plus one segment, rather than the whole path worked
         * out again from the parsing context's chain for every token (most of a manifest's pass).
         */
        private final List<String> open = new ArrayList<>();

        void add(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.remove(open.size() - 1);
                return;
            }
            boolean starts = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
            // A start token's context is the new container's; where it sits is its parent's.
            JsonStreamContext context = starts ? parser.getParsingContext().getParent() : parser.getParsingContext();
            String pointer = context.inRoot()
                    ? ""
                    : open.get(open.size() - 1)
                            + "/"
                            + (context.inArray()
                                    ? Integer.toString(context.getCurrentIndex())
                                    : segment(context.getCurrentName()));
            String location = render(parser.currentTokenLocation());
            if (token == JsonToken.FIELD_NAME) {
                keys.put(pointer, location);
                return;
            }
            values.putIfAbsent(pointer, location);
            if (token.isNumeric()) {
                numbers.putIfAbsent(pointer, parser.getText());
            }
            if (starts) {
                open.add(pointer);
            }
        }

        Index build() {
            return new Index(values, keys, numbers);
        }
    }

    /**
     * The location of the value (or, with {@code key}, of the member's key) at a pointer, by a scan
     * of the text that stops there; without an exact match, the location of the deepest enclosing
     * value, as {@link #locate} promises. Allocates nothing per token but the array indexes.
     */
    private String scan(String pointer, boolean key) {
        String[] target = pointer.isEmpty() ? new String[0] : pointer.startsWith("/") ? segments(pointer) : null;
        String best = null;
        int bestDepth = -1;
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT
                        || token == JsonToken.END_ARRAY
                        || (token == JsonToken.FIELD_NAME) != key) {
                    continue;
                }
                int depth = prefixDepth(parser.getParsingContext(), target);
                if (depth < 0) {
                    continue;
                }
                if (target != null && depth == target.length) {
                    return render(parser.currentTokenLocation());
                }
                if (!key && depth > bestDepth) {
                    bestDepth = depth;
                    best = render(parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " parsed before but not now", e);
        }
        if (key) {
            return locate(pointer);
        }
        return best != null ? best : "#" + pointer;
    }

    /**
     * How many segments the path of a parsing context has, when they are the first ones of the
     * target; -1 when the path leaves the target (or there is no target beyond the root).
     */
    private static int prefixDepth(JsonStreamContext context, String[] target) {
        int depth = 0;
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.hasPathSegment()) {
                depth++;
            }
        }
        if (depth > 0 && (target == null || depth > target.length)) {
            return -1;
        }
        int i = depth;
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (!c.hasPathSegment()) {
                continue;
            }
            String segment = target[--i];
            if (c.inArray()
                    ? !segment.equals(Integer.toString(c.getCurrentIndex()))
                    : !segment.equals(c.getCurrentName())) {
                return -1;
            }
        }
        return depth;
    }

    /** The unescaped segments of a JSON pointer that starts with a slash. */
    private static String[] segments(String pointer) {
        String[] parts = pointer.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace("~1", "/").replace("~0", "~");
        }
        return parts;
    }

    /** Whether one more location is looked up by a scan rather than from the index. */
    private synchronized boolean scanNext() {
        return index == null && scans++ < SCANS_BEFORE_INDEX;
    }

    /**
     * SnakeYAML's messages span lines and quote the source with a caret; the location already says
     * where, so keep only the sentences.
     */
    private static String oneLine(String message) {
        List<String> kept = new ArrayList<>();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("in 'reader'")) {
                i += 2; // the quoted source line and the caret under it
            } else if (!line.isEmpty()) {
                kept.add(line);
            }
        }
        return String.join("; ", kept);
    }

    private static String render(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    String text() {
        return text;
    }

    /**
     * Whether the text is known to hold the root value alone: Jackson reads a value followed by more
     * values as the first one, where Avro's text parser refuses the rest as dangling content.
     */
    boolean rootAlone() {
        return alone;
    }

    /**
     * The {@code line:column} where the value at a JSON pointer starts; for a pointer that leads
     * nowhere, the closest enclosing value; the pointer itself ({@code #/a/b}) when nothing matches.
     */
    String locate(String pointer) {
        if (scanNext()) {
            return scan(pointer, false);
        }
        Map<String, String> valueLocations = index().values();
        for (String p = pointer; ; p = parent(p)) {
            String location = valueLocations.get(p);
            if (location != null) {
                return location;
            }
            if (p.isEmpty()) {
                return "#" + pointer;
            }
        }
    }

    /**
     * The number at a JSON pointer as it is written in the file: YAML reads {@code 0x10} and
     * {@code 1_000} as numbers, which the tree no longer shows. Empty when the value is no number.
     */
    Optional<String> writtenNumber(String pointer) {
        return Optional.ofNullable(index().numbers().get(pointer));
    }

    /** The {@code line:column} of the key of the member at a JSON pointer (e.g. an unknown key). */
    String locateKey(String pointer) {
        if (scanNext()) {
            return scan(pointer, true);
        }
        String location = index().keys().get(pointer);
        return location != null ? location : locate(pointer);
    }

    private static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** Escapes a member name for use as a JSON pointer segment. */
    static String segment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
