package io.github.eventcat.registry.sync;

import javax.net.ssl.SSLException;

import io.github.eventcat.runtime.registry.SchemaRegistryException;

/** Turns registry client failures into messages that say what to do. One place for all goals. */
final class Failures {
    private Failures() {
    }

    static String describe(SchemaRegistryException e) {
        if (e.status() == 401) {
            return e.getMessage() + " — the registry refused the credentials: give valid ones "
                    + "(basic auth user info or a bearer token)";
        }
        if (e.status() == 403) {
            return e.getMessage() + " — the credentials are valid but not allowed to do this: ask for write (or read) "
                    + "access to these subjects";
        }
        if (isTls(e)) {
            return "Tried to " + e.method() + " " + e.url() + " but TLS failed (" + rootMessage(e) + ") — give a trust store "
                    + "that trusts the registry's certificate, or a key store with a client certificate";
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
