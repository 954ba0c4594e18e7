package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JSON read in one pass gives the same tree, or the same problems, as with a checking pass first. */
class ParsedDocumentTest {

    @Test
    void onePassGivesWhatTheCheckingPassGives() {
        List<String> texts = List.of(
                "{\"type\": \"record\", \"name\": \"A\", \"fields\": [{\"name\": \"x\", \"type\": \"int\","
                        + " \"default\": 1.10}]}",
                "{\"big\": 123456789012345678901234567890, \"small\": -5, \"float\": 1.5e300, \"s\": \"\\u00e9\"}",
                nested(CatalogLimits.MAX_NESTING_DEPTH),
                nested(CatalogLimits.MAX_NESTING_DEPTH + 1),
                "{\"a\": 1} {\"b\": 2}",
                "{\"a\": 1} {\"b\": ",
                "{\"a\": 1} " + nested(CatalogLimits.MAX_NESTING_DEPTH + 1),
                "{\"a\": 1, \"a\": 2}",
                "{\"a\": [1, 2,, 3]}",
                "",
                "   ",
                "\"just a string\"",
                "[1, 2, 3]");
        for (String text : texts) {
            Problems onePass = new Problems();
            Problems careful = new Problems();
            Optional<ParsedDocument> fast = ParsedDocument.json("f.avsc", text, onePass);
            Optional<ParsedDocument> slow = ParsedDocument.jsonCarefully("f.avsc", text, careful);

            assertThat(onePass.sorted()).as(text).isEqualTo(careful.sorted());
            assertThat(fast.map(ParsedDocument::root)).as(text).isEqualTo(slow.map(ParsedDocument::root));
            fast.ifPresent(d -> assertThat(d.locate("/fields/0/default"))
                    .isEqualTo(slow.orElseThrow().locate("/fields/0/default")));
        }
    }

    @Test
    void theSharingNodeFactoryBuildsEqualTreesAndSharesOnlyShortTextBounded() {
        SharingNodeFactory nodes = new SharingNodeFactory();
        String text = "{\"type\": \"record\", \"name\": \"A\", \"doc\": \"" + "d".repeat(100) + "\","
                + " \"fields\": [{\"name\": \"x\", \"type\": \"string\"},"
                + " {\"name\": \"y\", \"type\": [\"null\", \"string\"], \"default\": null},"
                + " {\"name\": \"z\", \"type\": {\"type\": \"map\", \"values\": \"long\"}, \"n\": 1.5}],"
                + " \"empty\": {}, \"list\": []}";
        JsonNode plain = ParsedDocument.json("f.avsc", text, new Problems())
                .orElseThrow()
                .root();
        JsonNode shared = ParsedDocument.json("f.avsc", text, new Problems(), nodes)
                .orElseThrow()
                .root();
        JsonNode again = ParsedDocument.json("g.avsc", text, new Problems(), nodes)
                .orElseThrow()
                .root();

        assertThat(shared).isEqualTo(plain);
        assertThat(shared.toString()).isEqualTo(plain.toString());
        assertThat(again.at("/fields/0/type")).isSameAs(shared.at("/fields/0/type"));
        assertThat(again.at("/doc")).isNotSameAs(shared.at("/doc")); // longer than MAX_SHARED_LENGTH
        // A tree the catalog hands out may be changed by its user: shared text nodes never change.
        ((com.fasterxml.jackson.databind.node.ObjectNode) again.get("fields").get(0)).put("type", "int");
        assertThat(shared.at("/fields/0/type").asText()).isEqualTo("string");

        nodes.forget(); // once loaded: the table goes, the trees stay as they are
        assertThat(nodes.textNode("string")).isNotSameAs(shared.at("/fields/0/type"));
        assertThat(shared.at("/fields/0/type").asText()).isEqualTo("string");

        for (int i = 0; i < SharingNodeFactory.MAX_SHARED + 100; i++) {
            nodes.textNode("s" + i);
        }
        assertThat(nodes.textNode("late")).isNotSameAs(nodes.textNode("late"));
        assertThat(nodes.textNode("late")).isEqualTo(nodes.textNode("late"));
    }

    @Test
    void theNestingLimitStillHoldsInOnePass() {
        Problems problems = new Problems();
        assertThat(ParsedDocument.json("f.json", nested(CatalogLimits.MAX_NESTING_DEPTH + 1), problems))
                .isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("nested more than 64 levels deep, the limit"));
        assertThat(ParsedDocument.json("f.json", nested(CatalogLimits.MAX_NESTING_DEPTH), new Problems()))
                .isPresent();
    }

    @Test
    void yamlTreeFromTheCheckingPassIsTheTreeJacksonReads() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> texts = new ArrayList<>(List.of(
                "package: com.example\ntopics:\n  a:\n    partitions: 0x10\n    retention: 7d\n",
                "n: 1_000\nf: 1.5\ne: 1e3\ninf: .inf\nbig: 123456789012345678901234567890\nneg: -7\n",
                "b: true\nnul: null\ntilde: ~\nempty:\nq: \"quoted: yes\"\nlist: [1, two, 3.0]\n",
                "anchored: &x {a: 1}\nbin: !!binary aGVsbG8=\nts: 2001-12-14t21:59:43.10-05:00\n",
                "first: 1\n---\nsecond: 2\n",
                "- a\n- b: [c, {d: e}]\n"));
        try (var manifests = Files.walk(Path.of("src/test/resources"))) {
            manifests
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(p -> {
                        try {
                            texts.add(Files.readString(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        assertThat(texts).hasSizeGreaterThan(10);
        for (String text : texts) {
            JsonNode expected;
            try {
                expected = yaml.readTree(text);
            } catch (IOException e) {
                continue; // not valid YAML: its problems are BadCatalogTest's
            }
            Problems problems = new Problems();
            Optional<ParsedDocument> document = ParsedDocument.yaml("catalog.yaml", text, problems);
            if (document.isPresent()) {
                assertThat(document.get().root()).as(text).isEqualTo(expected);
            } else {
                assertThat(problems.sorted()).as(text).isNotEmpty();
            }
        }
    }

    @Test
    void everyValueAndKeyIsLocatedWhereJacksonsPathSaysItIs() throws IOException {
        // The index builds each pointer from its container's; Jackson's own path of each token is
        // the reference (escaped names, array indexes, empty keys, several YAML documents).
        List<String> yaml = List.of(
                "package: com.example\ntopics:\n  a/b~c:\n    events:\n      - x.avsc\n      - {path: y.avsc}\n"
                        + "  \"\": [[1, 2], [3, [4]]]\n",
                "first: 1\n---\nsecond: 2\nfirst: 3\n",
                "- a\n- b: [c, {d: e}]\n");
        // A JSON document is located by scans first, then (past 8 lookups) by its index: both here.
        List<String> json =
                List.of("{\"type\": \"record\", \"name\": \"A\", \"fields\": [{\"name\": \"x\", \"type\": {\"type\":"
                        + " \"array\", \"items\": [\"null\", \"int\"]}, \"default\": []}, {\"name\": \"y\", \"type\":"
                        + " \"string\", \"a/b\": {\"~\": [true, null, 1.5]}, \"\": 0}]}");
        for (String text : yaml) {
            assertLocatedAsJacksonSays(
                    new YAMLFactory(), text, ParsedDocument.yaml("catalog.yaml", text, new Problems()));
        }
        for (String text : json) {
            assertLocatedAsJacksonSays(
                    new com.fasterxml.jackson.core.JsonFactory(),
                    text,
                    ParsedDocument.json("a.avsc", text, new Problems()));
        }
    }

    private static void assertLocatedAsJacksonSays(
            com.fasterxml.jackson.core.JsonFactory factory, String text, Optional<ParsedDocument> parsed)
            throws IOException {
        ParsedDocument document = parsed.orElseThrow();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(text)) {
            for (com.fasterxml.jackson.core.JsonToken token = parser.nextToken();
                    token != null;
                    token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                var where = parser.currentTokenLocation();
                String location = where.getLineNr() + ":" + where.getColumnNr();
                if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    keys.put(pointer, location);
                } else if (!token.isStructEnd()) {
                    values.putIfAbsent(pointer, location);
                }
            }
        }
        values.forEach((pointer, location) ->
                assertThat(document.locate(pointer)).as(text + " " + pointer).isEqualTo(location));
        keys.forEach((pointer, location) -> assertThat(document.locateKey(pointer))
                .as(text + " key " + pointer)
                .isEqualTo(location));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
