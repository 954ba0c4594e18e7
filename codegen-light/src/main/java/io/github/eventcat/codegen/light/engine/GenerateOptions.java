package io.github.eventcat.codegen.light.engine;

import java.util.List;
import java.util.TreeSet;

/**
 * The generator's options as the user set them; {@code null} (and an empty list) means "not set":
 * the generator's own default applies.
 */
public record GenerateOptions(
        DateTimeType dateTimeType,
        Boolean decimalMultipleOf,
        List<String> decimalFormats,
        Boolean decimalAllNumbers,
        Integer builderThreshold,
        boolean outbox) {
    public GenerateOptions {
        decimalFormats = decimalFormats == null ? List.of() : List.copyOf(decimalFormats);
    }

    /**
     * The options as stable one-line text, for the input fingerprint: what the user set, not the
     * defaults (a new default comes with a new plugin version, which the fingerprint also holds).
     */
    public String canonical() {
        return "dateTimeType=" + dateTimeType + ";decimalMultipleOf=" + decimalMultipleOf + ";decimalFormats="
                + new TreeSet<>(decimalFormats) + ";decimalAllNumbers=" + decimalAllNumbers + ";builderThreshold="
                + builderThreshold + ";outbox=" + outbox;
    }
}
