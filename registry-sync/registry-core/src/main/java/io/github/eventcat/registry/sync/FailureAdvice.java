package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.SchemaRegistryException;
import javax.net.ssl.SSLException;

/**
 * Turns registry client failures into messages that say what to do, in the core's words unless the
 * caller says where its users set credentials and stores (a build tool's property names).
 */
final class FailureAdvice {
    private static final String CREDENTIALS = "give valid ones (basic auth user info or a bearer token)";
    private static final String STORES =
            "give a trust store that trusts the registry's certificate, or a key store " + "with a client certificate";

    private FailureAdvice() {}

    static String describe(SchemaRegistryException e) {
        return describe(e, CREDENTIALS, STORES);
    }

    static String describe(SchemaRegistryException e, String credentialsHint, String storesHint) {
        if (e.status() == 401) {
            return e.getMessage() + " — the registry refused the credentials: " + credentialsHint;
        }
        if (e.status() == 403) {
            return e.getMessage() + " — the credentials are valid but not allowed to do this: ask for write (or read) "
                    + "access to these subjects";
        }
        if (isTls(e)) {
            return "Tried to " + e.method() + " " + e.url() + " but TLS failed (" + rootMessage(e) + ") — "
                    + storesHint;
        }
        return e.getMessage();
    }

    static boolean isTls(Throwable e) {
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
