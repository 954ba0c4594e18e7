package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.RegistryClientConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A trust or key store file (type PKCS12 unless given); the password is never shown by {@link #toString()}. */
public record KeyStoreSettings(Path location, Optional<String> password, String type) {
    public KeyStoreSettings {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(password, "password == null");
        type = type == null || type.isBlank() ? RegistryClientConfig.DEFAULT_STORE_TYPE : type;
    }

    @Override
    public String toString() {
        return type + " " + location;
    }
}
