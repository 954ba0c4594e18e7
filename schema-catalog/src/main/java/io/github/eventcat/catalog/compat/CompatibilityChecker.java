package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a new schema against the earlier versions of its subject with the Schema Registry's
 * rules: Avro's own {@code SchemaCompatibility} for Avro, the JSON Schema diff rules Apicurio
 * Registry runs for JSON Schema.
 */
public final class CompatibilityChecker {
    private CompatibilityChecker() {}

    /**
     * Checks {@code candidate} at {@code level}.
     *
     * <p>Non-transitive levels compare with the latest earlier version only, {@code _TRANSITIVE}
     * levels with every one. No earlier version (a new subject) is compatible at every level.
     *
     * @param earlierVersionsOldestFirst the subject's history; the last one is the latest
     * @throws SchemaNotComparableException when a JSON Schema cannot be loaded for comparison
     */
    public static CompatibilityReport check(
            CompatibilityLevel level,
            CandidateSchema candidate,
            List<? extends CandidateSchema> earlierVersionsOldestFirst) {
        Objects.requireNonNull(level, "level == null");
        Objects.requireNonNull(candidate, "candidate == null");
        List<CandidateSchema> earlier = List.copyOf(earlierVersionsOldestFirst);
        List<CandidateSchema> against = level == CompatibilityLevel.NONE || earlier.isEmpty()
                ? List.of()
                : level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));

        List<CompatibilityFinding> findings = new ArrayList<>();
        for (CandidateSchema previous : against) {
            if (previous.format() != candidate.format()) {
                findings.add(formatChanged(candidate, previous));
                continue;
            }
            if (level.checksBackward()) {
                findings.addAll(compare(candidate, previous, Direction.BACKWARD));
            }
            if (level.checksForward()) {
                findings.addAll(compare(previous, candidate, Direction.FORWARD));
            }
        }
        return new CompatibilityReport(
                level,
                candidate.version(),
                against.stream().map(CandidateSchema::version).toList(),
                findings);
    }

    private static List<CompatibilityFinding> compare(
            CandidateSchema reader, CandidateSchema writer, Direction direction) {
        String earlierVersion = direction == Direction.BACKWARD ? writer.version() : reader.version();
        if (reader instanceof CandidateSchema.Avro avroReader) {
            return AvroRules.findings(
                    avroReader.schema(), ((CandidateSchema.Avro) writer).schema(), direction, earlierVersion);
        }
        return JsonSchemaRules.findings(
                (CandidateSchema.Json) reader, (CandidateSchema.Json) writer, direction, earlierVersion);
    }

    private static CompatibilityFinding formatChanged(CandidateSchema candidate, CandidateSchema previous) {
        return new CompatibilityFinding(
                candidate.format(),
                candidate.format() == SchemaFormat.AVRO ? "." : "#",
                "schema language changed from " + previous.format() + " to " + candidate.format(),
                Direction.BACKWARD,
                previous.version(),
                "keep the " + previous.format() + " schema, or publish the " + candidate.format()
                        + " schema under a new subject (a new topic or a new record name)",
                "SCHEMA_TYPE_CHANGED");
    }
}
