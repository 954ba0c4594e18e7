package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scan's name check, written out by hand, says what Avro's name pattern says. */
class AvroScanTest {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Test
    void aNameIsWhatThePatternMatches() {
        List<String> names = List.of(
                "",
                "a",
                "A",
                "_",
                "_1",
                "1a",
                "a1",
                "Order_Placed9",
                "a-b",
                "a.b",
                "a b",
                "é",
                "aé",
                "Z",
                "z",
                "0",
                "9",
                "@",
                "[",
                "`",
                "{",
                "/",
                ":",
                "a$",
                "\u0661");
        for (String name : names) {
            assertThat(AvroScan.isName(name, 0, name.length()))
                    .as(name)
                    .isEqualTo(NAME.matcher(name).matches());
            String wrapped = "x." + name + ".y";
            assertThat(AvroScan.isName(wrapped, 2, 2 + name.length()))
                    .as(wrapped)
                    .isEqualTo(NAME.matcher(name).matches());
        }
    }
}
