package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {
    private static CandidateSchema avro(String version, String fields) {
        return CandidateSchema.avro(
                version, new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}"));
    }

    @Test
    void aNewSubjectIsCompatibleAtEveryLevel() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            CompatibilityReport report =
                    CompatibilityChecker.check(level, avro("v1", "{\"name\":\"a\",\"type\":\"int\"}"), List.of());
            assertThat(report.isCompatible()).isTrue();
            assertThat(report.checkedAgainst()).isEmpty();
        }
    }

    @Test
    void nonTransitiveLevelsCheckTheLatestVersionAndTransitiveOnesEveryVersion() {
        List<CandidateSchema> history = List.of(
                avro("v1", "{\"name\":\"a\",\"type\":\"int\"}"), avro("v2", "{\"name\":\"a\",\"type\":\"int\"}"));
        CandidateSchema candidate = avro("v3", "{\"name\":\"a\",\"type\":\"int\"}");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, candidate, history)
                        .checkedAgainst())
                .containsExactly("v2");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL_TRANSITIVE, candidate, history)
                        .checkedAgainst())
                .containsExactly("v1", "v2");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, candidate, history)
                        .checkedAgainst())
                .isEmpty();
    }

    @Test
    void fullReportsBothDirectionsOfOneChange() {
        CompatibilityReport report = CompatibilityChecker.check(
                CompatibilityLevel.FULL,
                avro("v2", "{\"name\":\"a\",\"type\":\"long\"}"),
                List.of(avro("v1", "{\"name\":\"a\",\"type\":\"int\"}")));
        assertThat(report.findings())
                .extracting(CompatibilityFinding::direction)
                .containsExactly(Direction.FORWARD);
        CompatibilityReport both = CompatibilityChecker.check(
                CompatibilityLevel.FULL,
                avro("v2", "{\"name\":\"a\",\"type\":\"string\"}"),
                List.of(avro("v1", "{\"name\":\"a\",\"type\":\"int\"}")));
        assertThat(both.findings())
                .extracting(CompatibilityFinding::direction)
                .containsExactly(Direction.BACKWARD, Direction.FORWARD);
    }

    @Test
    void aJsonRefWithoutItsDocumentIsNotComparable() throws Exception {
        var schema = new ObjectMapper()
                .readTree("{\"type\":\"object\",\"properties\":{\"p\":{\"$ref\":\"priority.json\"}}}");
        assertThatThrownBy(() -> CompatibilityChecker.check(
                        CompatibilityLevel.BACKWARD,
                        CandidateSchema.json("v2", schema),
                        List.of(CandidateSchema.json("v1", schema))))
                .isInstanceOf(SchemaNotComparableException.class)
                .hasMessageContaining("Cannot compare schema version")
                .hasMessageContaining("priority.json");
    }
}
