package io.github.eventcat.registry.sync;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code registry:pull} is asked to do.
 *
 * @param connection how to reach the registry
 * @param subjects which subjects to download (the whole name must match)
 * @param directory the catalog directory to write into
 */
public record PullRequest(RegistryConnection connection, Pattern subjects, Path directory) {
    public PullRequest {
        Objects.requireNonNull(connection, "connection == null");
        Objects.requireNonNull(subjects, "subjects == null");
        Objects.requireNonNull(directory, "directory == null");
    }
}
