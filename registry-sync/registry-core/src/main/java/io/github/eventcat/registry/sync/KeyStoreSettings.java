package io.github.eventcat.registry.sync;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A trust or key store file; the password is never shown by {@link #toString()}. */
public record KeyStoreSettings(Path location, Optional<String> password, String type) {
    public KeyStoreSettings {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(password, "password == null");
        type = type == null || type.isBlank() ? "PKCS12" : type;
    }

    @Override
    public String toString() {
        return type + " " + location;
    }
}
