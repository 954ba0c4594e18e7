package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.DateTimeType;
import io.github.eventcat.codegen.MoneyDetection;
import io.github.eventcat.maven.common.CatalogLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@code generate} goal was asked to do, after Maven configured it.
 *
 * @param catalog where the catalog comes from
 * @param configuration the generator's configuration: the core's defaults, overridden by what the
 *     user set
 * @param projectBase the project's base directory, to show paths short in the log
 */
record GenerateRequest(CatalogLocation catalog, CodegenConfiguration configuration, Path projectBase) {
    GenerateRequest {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(configuration, "configuration == null");
        Objects.requireNonNull(projectBase, "projectBase == null");
    }

    /**
     * The core's defaults with the options the user set; {@code null} means "not set", and so does
     * an empty list (Maven injects one for a list parameter nobody configured).
     */
    static CodegenConfiguration configuration(
            Path outputDirectory,
            DateTimeType dateTimeType,
            Boolean decimalMultipleOf,
            List<String> decimalFormats,
            Boolean decimalAllNumbers,
            Integer builderThreshold,
            boolean outbox) {
        CodegenConfiguration defaults = CodegenConfiguration.defaults(outputDirectory);
        MoneyDetection money = defaults.moneyDetection();
        return defaults.withOutbox(outbox)
                .withDateTimeType(dateTimeType == null ? defaults.dateTimeType() : dateTimeType)
                .withBuilderThreshold(builderThreshold == null ? defaults.builderThreshold() : builderThreshold)
                .withMoneyDetection(new MoneyDetection(
                        decimalMultipleOf == null ? money.multipleOf() : decimalMultipleOf,
                        decimalFormats == null || decimalFormats.isEmpty()
                                ? money.decimalFormats()
                                : Set.copyOf(decimalFormats),
                        decimalAllNumbers == null ? money.allNumbers() : decimalAllNumbers));
    }

    /** The output directory, relative to the project when inside it. */
    String shownOutputDirectory() {
        Path output = configuration.outputDirectory();
        return output.startsWith(projectBase) ? projectBase.relativize(output).toString() : output.toString();
    }
}
