package io.github.eventcat.registry.sync;

import java.nio.file.Path;
import java.util.Objects;

/** What {@code registry:check} is asked to do: see {@link SyncRequest} for the fields. */
public record CheckRequest(RegistryConnection connection, Path catalog, int parallelism, boolean normalize) {
    public CheckRequest {
        Objects.requireNonNull(connection, "connection == null");
        Objects.requireNonNull(catalog, "catalog == null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }
}
