package io.github.eventcat.codegen.light.engine;

import io.github.eventcat.codegen.light.state.GeneratorState;
import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The no-op decision of {@code generate}, made with this module alone (no catalog loaded, no
 * engine): the fingerprint of the catalog's files, the plugin's version and the configuration,
 * compared with the one the last run recorded, and the files it generated still there.
 */
public final class GenerateInputs {
    private GenerateInputs() {}

    /**
     * What the check found.
     *
     * @param inputs the input fingerprint, for the engine to record when there is work
     * @param upToDate the previous run's state when there is nothing to do
     */
    public record Decision(InputFingerprint inputs, Optional<GeneratorState> upToDate) {
        public Decision {
            Objects.requireNonNull(inputs, "inputs == null");
            Objects.requireNonNull(upToDate, "upToDate == null");
        }
    }

    /**
     * @param catalog the catalog directory, or a catalog jar
     * @param outputDirectory the generated source root, which holds the state file
     * @param pluginVersion the version of the plugin (a new version may generate other code)
     * @param configuration everything else that shapes the output, as one line of text
     * @throws UncheckedIOException when the catalog or the state cannot be read
     */
    public static Decision decide(Path catalog, Path outputDirectory, String pluginVersion, String configuration) {
        GeneratorState.Snapshot state;
        try {
            // Read once: its digests serve the fingerprint, its content the decision.
            state = GeneratorState.snapshot(outputDirectory);
        } catch (IOException e) {
            throw stateFailure(outputDirectory, e);
        }
        InputFingerprint inputs = InputFingerprint.of(catalog, pluginVersion, List.of(), configuration, state);
        try {
            return new Decision(inputs, GeneratorState.upToDate(outputDirectory, inputs));
        } catch (IOException e) {
            throw stateFailure(outputDirectory, e);
        }
    }

    private static UncheckedIOException stateFailure(Path outputDirectory, IOException e) {
        return new UncheckedIOException(
                "Tried to read the generator's state in " + outputDirectory + " but failed because: " + e, e);
    }
}
