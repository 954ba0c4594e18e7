package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document's YAML writer: whatever the catalog's text, a YAML reader reads back the same tree. */
class YamlTest {
    private static final List<String> TRICKY = List.of(
            "true",
            "False",
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "null",
            "Null",
            "~",
            "",
            " ",
            " leading",
            "trailing ",
            "42",
            "-1",
            "+1",
            "1e3",
            "1.5",
            ".5",
            ".inf",
            ".NaN",
            "0x1F",
            "0o17",
            "1_000",
            "1:20",
            "2026-01-01",
            "2026-01-01T09:30:00Z",
            "1.0.0",
            "2.3.0-SNAPSHOT",
            "- item",
            "a: b",
            "a:b",
            "#comment",
            "a #b",
            "'quoted'",
            "\"double\"",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "cr\rhere",
            "\u2028sep",
            "\uFEFFbom",
            "nul\u0000",
            "del\u007f",
            "ünïcödé",
            "emoji \uD83D\uDE00",
            "lone \uD83D",
            "{flow}",
            "[flow]",
            "&anchor",
            "*alias",
            "!tag",
            "|literal",
            ">folded",
            "%directive",
            "@at",
            "`tick`",
            "?key",
            ",comma",
            "$ref",
            "#/channels/a~1b",
            "catalog/a~20b.json",
            "application/x;version=1.9.0",
            "The event's field id, as text",
            "a  double space");

    @Test
    void everyTrickyStringReadsBackAsItself() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode asKeys = root.putObject("keys");
        ArrayNode list = root.putArray("list");
        ObjectNode nested = root.putObject("nested");
        for (int i = 0; i < TRICKY.size(); i++) {
            String text = TRICKY.get(i);
            asKeys.put(text.isEmpty() ? "empty" : text, text);
            list.add(text);
            list.addObject()
                    .put("k" + i, text)
                    .putArray("a")
                    .add(text)
                    .addArray()
                    .add(i);
            nested.putObject("n" + i).put("v", text);
        }
        root.putArray("empty");
        root.putObject("emptyObject");
        root.put("number", 12).put("decimal", 1.25).put("flag", true).putNull("nothing");
        StringBuilder out = new StringBuilder();
        Yaml.write(root, out);
        JsonNode read = new YAMLMapper().readTree(out.toString());
        assertThat(read).as(out.toString()).isEqualTo(root);
    }

    @Test
    void plainOnlyForWordsPathsAndVersions() {
        assertThat(Yaml.plain("application/vnd.apache.avro+json;version=1.9.0")).isTrue();
        assertThat(Yaml.plain("2.3.0")).isTrue();
        assertThat(Yaml.plain("$ref")).isTrue();
        assertThat(Yaml.plain("true")).isFalse();
        assertThat(Yaml.plain("1.5")).isFalse();
        assertThat(Yaml.plain("#/channels/tickets")).isFalse();
        assertThat(Yaml.plain("a: b")).isFalse();
    }
}
