package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog text is untrusted: none of it can add markup, a script or a link to the site. */
class UntrustedTextTest {
    private static final String EVIL = "<script>alert(1)</script>\\\" ' \\\"><img src=x onerror=alert(2)>"
            + "</style></title></textarea>javascript:alert(3)";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void docsTitlesAndNamesAreEscapedEverywhere() throws Exception {
        Files.createDirectories(temp.resolve("s"));
        Files.writeString(temp.resolve("catalog.yaml"), """
        package: com.example.evil
        description: "%1$s"
        topics:
          evil-topic:
            description: "%1$s"
            key: id
            events: [s/evil_thing.json, s/avro_thing.avsc]
        """.formatted(EVIL)
                .replace("topics:", "subject-naming: TOPIC_RECORD\ntopics:"));
        Files.writeString(temp.resolve("s/evil_thing.json"), """
        {"$schema": "http://json-schema.org/draft-07/schema#", "title": "EvilThing",
         "description": "%1$s", "type": "object",
         "properties": {
           "id": {"type": "string", "description": "%1$s", "default": "%1$s"},
           "<b onmouseover=alert(4)>": {"type": "string", "enum": ["%1$s"], "format": "%1$s"}
         },
         "required": ["id"]}
        """.formatted(EVIL));
        Files.writeString(temp.resolve("s/avro_thing.avsc"), """
        {"type": "record", "name": "AvroThing", "namespace": "com.example.evil", "doc": "%1$s",
         "fields": [{"name": "id", "type": "string", "doc": "%1$s", "default": "%1$s"}]}
        """.formatted(EVIL));
        // One topic cannot mix formats; the loader says so. Split it, keeping the evil text.
        Files.writeString(
                temp.resolve("catalog.yaml"),
                Files.readString(temp.resolve("catalog.yaml"))
                        .replace(
                                "events: [s/evil_thing.json, s/avro_thing.avsc]",
                                "events: [s/evil_thing.json]\n" + "  avro-topic:\n    key: id\n    description: \""
                                        + EVIL + "\"\n    events: [s/avro_thing.avsc]"));

        DocsGenerator.generate(DocsRequest.of(CatalogLoader.load(temp), temp.resolve("site")));
        Map<String, String> files = DocsGeneratorTest.contents(temp.resolve("site"));
        assertThat(files).containsKeys("index.html", "topic-evil-topic.html", "event-com.example.evil.EvilThing.html");
        files.forEach((name, content) -> {
            if (!name.endsWith(".html")) {
                return;
            }
            // Only the site's own script (on the overview), no markup from the catalog.
            assertThat(count(content, "<script")).as(name).isEqualTo(name.equals("index.html") ? 1 : 0);
            assertThat(content)
                    .as(name)
                    .doesNotContain("<img", "<b ", "</style></title>", "alert(1)</script>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(count(content, "</style>")).as(name).isEqualTo(1);
            Matcher href = HREF.matcher(content);
            while (href.find()) {
                assertThat(href.group(1))
                        .as(name)
                        .matches(
                                "(index\\.html|asyncapi\\.yaml|(topic|event)-[A-Za-z0-9_.~-]+\\.html)?(#[A-Za-z0-9_.~-]+)?");
            }
        });
        assertThat(files.get("event-com.example.evil.EvilThing.html"))
                .contains("<code>&lt;b onmouseover=alert(4)&gt;</code>")
                .contains("id=\"f-~3cb~20onmouseover~3dalert~284~29~3e\"");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
