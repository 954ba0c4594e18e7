package io.github.eventcat.runtime.registry;

import java.util.Optional;

/**
 * A registry request that failed: either the registry answered with an error (then
 * {@link #status()} is the HTTP status and {@link #errorCode()} Confluent's {@code error_code}),
 * or no answer came at all (then {@link #status()} is {@code 0} and the cause says why).
 * The URL never carries credentials.
 */
public class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Confluent: subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent: version not found (Apicurio also uses it for an unknown subject on compatibility checks). */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent: schema not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Confluent: subject was soft-deleted. */
    public static final int SUBJECT_SOFT_DELETED = 40404;
    /** Confluent: no compatibility configured for the subject. */
    public static final int SUBJECT_CONFIG_NOT_FOUND = 40408;
    /** Confluent: incompatible schema (Apicurio answers 409 with error code 0). */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** Confluent: the schema does not parse. */
    public static final int INVALID_SCHEMA = 42201;

    private final String method;
    private final String url;
    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryException(String method, String url, int status, int errorCode, String registryMessage) {
        super(render(method, url, status, errorCode, registryMessage));
        this.method = method;
        this.url = url;
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** No answer: connection refused, timeout, TLS failure, interrupted. */
    public SchemaRegistryException(String method, String url, String reason, Throwable cause) {
        super(
                "Tried to " + method + " " + url + " but failed because: " + reason
                        + " — check schema.registry.url and that the registry is reachable",
                cause);
        this.method = method;
        this.url = url;
        this.status = 0;
        this.errorCode = 0;
        this.registryMessage = reason;
    }

    private static String render(String method, String url, int status, int errorCode, String message) {
        return "Tried to " + method + " " + url + " but the registry answered HTTP " + status
                + (errorCode != 0 ? " (error code " + errorCode + ")" : "") + ": " + message;
    }

    public String method() {
        return method;
    }

    /** The request URL without user info or query credentials. */
    public String url() {
        return url;
    }

    /** The HTTP status, or 0 when the registry gave no answer. */
    public int status() {
        return status;
    }

    /** Confluent's {@code error_code}, or 0 when the answer had none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own {@code message} (or the transport failure's reason). */
    public String registryMessage() {
        return registryMessage;
    }

    /**
     * The registry's own "not found" for a subject, version, schema or subject config: a 404 with
     * one of its 404xx error codes. A 404 without one is a web server's or proxy's answer to a path
     * it does not know (a wrong {@code schema.registry.url}), which must not read as "not
     * registered".
     */
    public boolean isNotFound() {
        return status == 404 && errorCode >= 40400 && errorCode <= 40499;
    }

    /** What a person should check, from the kind of failure: the tail of every message about it. */
    public String whatToCheck() {
        if (status == 0) {
            return "check that the registry is running and reachable from here (schema.registry.url, network, TLS)";
        }
        if (status == 401 || status == 403) {
            return "check the registry credentials (basic.auth.user.info, bearer.auth.token) and that they may"
                    + " read and register schemas";
        }
        if ((status == 404 && !isNotFound()) || status == 405) {
            return "the URL path looks wrong: schema.registry.url must be the registry's Confluent API base"
                    + " (e.g. http://host:8081 for Confluent, http://host:8080/apis/ccompat/v7 for Apicurio)";
        }
        if (status >= 500) {
            return "the registry failed; check its log and its storage";
        }
        return "check schema.registry.url and the registry's log";
    }

    /** A 409 on registration: the schema breaks the subject's compatibility level. */
    public boolean isIncompatible() {
        return status == 409;
    }

    /** True when the failure may go away on its own: no answer, or a 5xx. */
    public boolean isRetryable() {
        return status == 0 || status >= 500;
    }

    public Optional<Throwable> transportCause() {
        return Optional.ofNullable(getCause());
    }
}
