package io.github.eventcat.codegen.light.engine;

import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code generate} is asked to do when the no-op check found work.
 *
 * @param catalog the catalog directory, or a catalog jar
 * @param catalogDescription how the log names the catalog (a path relative to the project, or the
 *     artifact's coordinates)
 * @param outputDirectory the generated source root
 * @param options what the user set
 * @param inputs the input fingerprint the no-op check computed, recorded for the next build
 */
public record GenerateRequest(
        Path catalog,
        String catalogDescription,
        Path outputDirectory,
        GenerateOptions options,
        InputFingerprint inputs) {
    public GenerateRequest {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(catalogDescription, "catalogDescription == null");
        Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        Objects.requireNonNull(options, "options == null");
        Objects.requireNonNull(inputs, "inputs == null");
    }
}
