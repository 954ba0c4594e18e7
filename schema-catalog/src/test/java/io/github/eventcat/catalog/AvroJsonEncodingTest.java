package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Mismatches with Avro's JSON encoding that the catalog cases do not show. */
class AvroJsonEncodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> check(String schema, String json) throws IOException {
        JsonNode value = JSON.readTree(json);
        return AvroJsonEncoding.check(value, new Schema.Parser().parse(schema)).stream()
                .map(v -> v.pointer() + ": " + v.message())
                .toList();
    }

    @Test
    void aDecimalInFixedIsPaddedToItsSize() throws IOException {
        assertThat(check(
                        "{\"type\": \"fixed\", \"name\": \"Money\", \"size\": 4, \"logicalType\": \"decimal\","
                                + " \"precision\": 9, \"scale\": 2}",
                        "-1.5"))
                .containsExactly(
                        ": expected a decimal (fixed, scale 2), found the number -1.5. Avro's JSON encoding writes a"
                                + " decimal as the bytes of its unscaled value (big-endian two's complement) as a string with"
                                + " one character, \\u0000 to \\u00ff, per byte: write \"\\u00ff\\u00ff\\u00ff\\u006a\" for -1.5"
                                + " (unscaled value -150)");
    }

    @Test
    void aDecimalWithMoreDecimalPlacesThanTheScaleSaysSo() throws IOException {
        assertThat(check(
                        "{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 9, \"scale\": 2}", "1.234"))
                .singleElement()
                .asString()
                .endsWith("(and 1.234 has more decimal places than the scale 2 allows)");
    }

    @Test
    void bytesBeyondLatin1AndFixedOfTheWrongLengthAreRefused() throws IOException {
        assertThat(check("\"bytes\"", "\"\\u0100\""))
                .singleElement()
                .asString()
                .startsWith(": expected bytes, but character 0 of the string is beyond \\u00ff.");
        assertThat(check("{\"type\": \"fixed\", \"name\": \"Id\", \"size\": 2}", "\"abc\""))
                .singleElement()
                .asString()
                .startsWith(": expected fixed Id (2 bytes), found a string of 3 characters.");
    }

    @Test
    void arraysMapsAndNumbersAreCheckedElementByElement() throws IOException {
        assertThat(check("{\"type\": \"array\", \"items\": \"int\"}", "[1, \"2\", 3000000000]"))
                .containsExactly(
                        "/1: expected an int, found the string \"2\": write a whole number from -2147483648 to 2147483647",
                        "/2: expected an int, found the number 3000000000: write a whole number from -2147483648 to 2147483647");
        assertThat(check("{\"type\": \"map\", \"values\": \"double\"}", "{\"a/b\": true}"))
                .containsExactly(
                        "/a~1b: expected a number (double), found the boolean true: write a number such as 1.5");
    }

    @Test
    void aValueMatchesAValidDocument() throws IOException {
        assertThat(check("{\"type\": \"record\", \"name\": \"Empty\", \"fields\": []}", "{}"))
                .isEmpty();
        assertThat(check("{\"type\": \"record\", \"name\": \"Empty\", \"fields\": []}", "[]"))
                .containsExactly(": expected record Empty (a JSON object), found an array: write {}");
    }
}
