package io.github.eventcat.registry.maven;

import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.runtime.registry.SchemaRegistryException;

/**
 * The core's registry failures said in the plugin's terms: which property or settings.xml entry
 * to change. One place for the three goals.
 */
final class ErrorMessages {
    private static final String CREDENTIALS = "set them in settings.xml <server> (registry.serverId), in "
            + "SCHEMA_REGISTRY_USER_INFO / SCHEMA_REGISTRY_BEARER_TOKEN, or as user:password@ in registry.url";
    private static final String STORES = "set registry.trustStore (+ registry.trustStoreServerId or "
            + "SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, registry.trustStoreType) to a store that trusts the registry's "
            + "certificate, or registry.keyStore for a client certificate";

    private ErrorMessages() {
    }

    static String describe(SchemaRegistryException e) {
        return RegistrySync.describe(e, CREDENTIALS, STORES);
    }
}
