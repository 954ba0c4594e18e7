package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theNestingLimitStillHoldsInOnePass() {
        Problems problems = new Problems();
        assertThat(ParsedDocument.json("f.json", nested(CatalogLimits.MAX_NESTING_DEPTH + 1), problems))
                .isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("nested more than 64 levels deep, the limit"));
        assertThat(ParsedDocument.json("f.json", nested(CatalogLimits.MAX_NESTING_DEPTH), new Problems()))
                .isPresent();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }
}
