package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** What a finding says when a union is on one side of the change: it names the union. */
class AvroUnionMessagesTest {
    private static final String REPLACE =
            "; to change a type, add a new field of the new type with a default and deprecate this one";

    private static List<String> messages(CompatibilityLevel level, String oldType, String newType) {
        return CompatibilityChecker.check(level, field("v2", newType), List.of(field("v1", oldType)))
                .findings()
                .stream()
                .map(CompatibilityFinding::message)
                .toList();
    }

    private static CandidateSchema field(String version, String type) {
        return CandidateSchema.avro(
                version,
                new Schema.Parser()
                        .parse("{\"type\":\"record\",\"name\":\"R\","
                                + "\"namespace\":\"com.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                                + "{\"name\":\"v\",\"type\":" + type + "}]}"));
    }

    @Test
    void aNullableFieldMadeNonNullNamesTheUnion() {
        assertThat(messages(CompatibilityLevel.BACKWARD, "[\"null\",\"string\"]", "\"string\""))
                .containsExactly(
                        "v: type changed from union [null, string] to string — consumers using the new schema cannot read"
                                + " records written with version v1 (BACKWARD check against version v1, rule TYPE_MISMATCH)."
                                + " Fix: keep the union [null, string] (null values written with version v1 have no place in"
                                + " string, so readers of null values break)" + REPLACE);
    }

    @Test
    void aFieldMadeNullableNamesTheUnionForOldReaders() {
        assertThat(messages(CompatibilityLevel.FORWARD, "\"string\"", "[\"null\",\"string\"]"))
                .containsExactly(
                        "v: type changed from string to union [null, string] — consumers still on version v1 cannot read"
                                + " records written with the new schema (FORWARD check against version v1, rule TYPE_MISMATCH)."
                                + " Fix: keep the type string (consumers still on version v1 cannot read the null values the"
                                + " new union allows)" + REPLACE);
        assertThat(messages(CompatibilityLevel.BACKWARD, "\"string\"", "[\"null\",\"string\"]"))
                .isEmpty();
    }

    @Test
    void aUnionNarrowedToAnotherTypeNamesEveryBranchThatNoLongerFits() {
        assertThat(messages(CompatibilityLevel.BACKWARD, "[\"null\",\"string\"]", "\"int\""))
                .containsExactly(
                        "v: type changed from union [null, string] to int — consumers using the new schema cannot read"
                                + " records written with version v1 (BACKWARD check against version v1, rule TYPE_MISMATCH)."
                                + " Fix: keep the union [null, string] (null values written with version v1 have no place in"
                                + " int, so readers of null values break)" + REPLACE,
                        "v: type changed from union [null, string] to int — consumers using the new schema cannot read"
                                + " records written with version v1 (BACKWARD check against version v1, rule TYPE_MISMATCH)."
                                + " Fix: keep the union [null, string] (string values written with version v1 have no place in"
                                + " int)" + REPLACE);
    }

    @Test
    void aUnionMemberRemovedOrAdded() {
        assertThat(messages(CompatibilityLevel.BACKWARD, "[\"null\",\"string\",\"int\"]", "[\"null\",\"string\"]"))
                .containsExactly("v: union branch int removed from union [null, string, int] (values written as int"
                        + " have no branch to go to) — consumers using the new schema cannot read records written with"
                        + " version v1 (BACKWARD check against version v1, rule MISSING_UNION_BRANCH). Fix: keep the"
                        + " branch `int` in the union");
        assertThat(messages(CompatibilityLevel.FORWARD, "[\"null\",\"string\"]", "[\"null\",\"string\",\"int\"]"))
                .containsExactly("v: union branch int added to union [null, string], which version v1 cannot read"
                        + " — consumers still on version v1 cannot read records written with the new schema (FORWARD"
                        + " check against version v1, rule MISSING_UNION_BRANCH). Fix: keep the union's branches as in"
                        + " version v1 (adding a branch is BACKWARD compatible only), or write the new values to a new"
                        + " field with a default");
    }

    @Test
    void aRecordBranchIsNamedByItsFullName() {
        String opened = "{\"type\":\"record\",\"name\":\"Opened\",\"fields\":[]}";
        String closed = "{\"type\":\"record\",\"name\":\"Closed\",\"fields\":[]}";
        List<String> added = messages(
                CompatibilityLevel.FORWARD, "[\"null\"," + opened + "]", "[\"null\"," + opened + "," + closed + "]");
        assertThat(added).hasSize(1);
        assertThat(added.get(0))
                .startsWith("v: union branch record com.example.Closed added to union"
                        + " [null, record com.example.Opened], which version v1 cannot read");
    }

    @Test
    void aTypeChangedToAUnionWithoutIt() {
        assertThat(messages(CompatibilityLevel.BACKWARD, "\"string\"", "[\"null\",\"int\"]"))
                .containsExactly(
                        "v: type changed from string to union [null, int], which has no branch for string — consumers"
                                + " using the new schema cannot read records written with version v1 (BACKWARD check against"
                                + " version v1, rule MISSING_UNION_BRANCH). Fix: keep the type string, or add string to the"
                                + " union");
        assertThat(messages(CompatibilityLevel.FORWARD, "[\"null\",\"int\"]", "\"string\""))
                .containsExactly(
                        "v: type changed from union [null, int] to string, which that union has no branch for — consumers"
                                + " still on version v1 cannot read records written with the new schema (FORWARD check against"
                                + " version v1, rule MISSING_UNION_BRANCH). Fix: keep the union [null, int] or one of its"
                                + " types" + REPLACE);
    }
}
