package io.github.eventcat.catalog.compat;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one new schema against its earlier versions.
 *
 * @param level the level that was enforced
 * @param version the label of the new schema
 * @param checkedAgainst the labels of the earlier versions it was compared with, oldest first
 * @param findings every incompatibility found, in the order of {@code checkedAgainst}; empty when
 *     compatible
 */
public record CompatibilityReport(
        CompatibilityLevel level, String version, List<String> checkedAgainst, List<CompatibilityFinding> findings) {
    public CompatibilityReport {
        Objects.requireNonNull(level, "level == null");
        Objects.requireNonNull(version, "version == null");
        checkedAgainst = List.copyOf(checkedAgainst);
        findings = List.copyOf(findings);
    }

    public boolean isCompatible() {
        return findings.isEmpty();
    }
}
