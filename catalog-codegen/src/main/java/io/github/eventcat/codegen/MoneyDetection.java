package io.github.eventcat.codegen;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which JSON Schema {@code number}s become {@link java.math.BigDecimal} instead of {@code double}:
 * amounts of money must not pick up binary rounding errors.
 *
 * @param multipleOf a {@code number} with {@code multipleOf} (e.g. {@code 0.01}) is decimal
 * @param decimalFormats values of {@code format} that mark a decimal number (e.g. {@code decimal})
 * @param allNumbers every {@code number} is decimal
 */
public record MoneyDetection(boolean multipleOf, Set<String> decimalFormats, boolean allNumbers) {
    /** The default: {@code multipleOf} or {@code "format": "decimal"} or {@code "format": "money"}. */
    public static final MoneyDetection DEFAULT = new MoneyDetection(true, Set.of("decimal", "money"), false);

    public MoneyDetection {
        Objects.requireNonNull(decimalFormats, "decimalFormats == null");
        decimalFormats = Set.copyOf(decimalFormats);
    }

    /** Whether a {@code number} schema with these keywords is a decimal. */
    public boolean isDecimal(boolean hasMultipleOf, String format) {
        return allNumbers || (multipleOf && hasMultipleOf) || (format != null && decimalFormats.contains(format));
    }

    /** A stable text form, part of the output fingerprint. */
    String canonical() {
        return "multipleOf=" + multipleOf + ",formats=" + new TreeSet<>(decimalFormats) + ",all=" + allNumbers;
    }
}
