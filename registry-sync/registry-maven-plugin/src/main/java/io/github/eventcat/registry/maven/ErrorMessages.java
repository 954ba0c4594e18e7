package io.github.eventcat.registry.maven;

import javax.net.ssl.SSLException;

import io.github.eventcat.runtime.registry.SchemaRegistryException;

/**
 * The core's registry failures said in the plugin's terms: which property or settings.xml entry
 * to change. One place for the three goals.
 */
final class ErrorMessages {
    private ErrorMessages() {
    }

    static String describe(SchemaRegistryException e) {
        if (e.status() == 401) {
            return e.getMessage() + " — the registry refused the credentials: set them in settings.xml <server> "
                    + "(registry.serverId), in SCHEMA_REGISTRY_USER_INFO / SCHEMA_REGISTRY_BEARER_TOKEN, or as user:password@ in registry.url";
        }
        if (e.status() == 403) {
            return e.getMessage() + " — the credentials are valid but not allowed to do this: ask for write (or read) "
                    + "access to these subjects";
        }
        if (isTls(e)) {
            return "Tried to " + e.method() + " " + e.url() + " but TLS failed (" + rootMessage(e) + ") — set "
                    + "registry.trustStore (+ registry.trustStoreServerId or SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, registry.trustStoreType) to a store that "
                    + "trusts the registry's certificate, or registry.keyStore for a client certificate";
        }
        return e.getMessage();
    }

    private static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
