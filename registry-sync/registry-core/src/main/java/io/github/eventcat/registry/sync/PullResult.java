package io.github.eventcat.registry.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RegistryPull} wrote.
 *
 * @param subjects the subjects pulled (matching the pattern), sorted
 * @param files every schema file written (references included), sorted
 * @param manifest the {@code catalog.yaml} skeleton written (or {@code catalog.yaml.pulled} when one existed)
 * @param notes what the skeleton could not know and needs a person (topics of RECORD subjects, key fields)
 */
public record PullResult(List<String> subjects, List<Path> files, Path manifest, List<String> notes) {
    public PullResult {
        subjects = List.copyOf(subjects);
        files = List.copyOf(files);
        Objects.requireNonNull(manifest, "manifest == null");
        notes = List.copyOf(notes);
    }
}
