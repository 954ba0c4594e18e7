package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.SchemaFormat;
import java.util.Objects;

/**
 * One incompatibility between the new schema and one earlier version.
 *
 * @param format the schema language
 * @param path where: for Avro the field path ({@code requester.middlename}, {@code repair_type}; the
 *     record itself is {@code .}), for JSON Schema the JSON pointer of the property ({@code
 *     #/properties/task_data/properties/priority}; the root is {@code #})
 * @param change what changed, e.g. {@code field "age" added without a default}
 * @param direction which readers break
 * @param checkedAgainst the label of the earlier version this was checked against
 * @param fix how to make the change compatible
 * @param rule the rule that failed: Avro's {@code SchemaIncompatibilityType} or Apicurio's JSON
 *     Schema {@code DiffType}
 */
public record CompatibilityFinding(
        SchemaFormat format,
        String path,
        String change,
        Direction direction,
        String checkedAgainst,
        String fix,
        String rule) {
    public CompatibilityFinding {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(change, "change == null");
        Objects.requireNonNull(direction, "direction == null");
        Objects.requireNonNull(checkedAgainst, "checkedAgainst == null");
        Objects.requireNonNull(fix, "fix == null");
        Objects.requireNonNull(rule, "rule == null");
    }

    /** Who breaks, in words. */
    public String whoBreaks() {
        return direction.whoBreaks(checkedAgainst);
    }

    /** One line: where, what, who breaks, and the fix. */
    public String message() {
        return path + ": " + change + " — " + whoBreaks() + " (" + direction + " check against version "
                + checkedAgainst + ", rule " + rule + "). Fix: " + fix;
    }
}
