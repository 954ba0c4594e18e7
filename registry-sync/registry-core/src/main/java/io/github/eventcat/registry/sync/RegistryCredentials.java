package io.github.eventcat.registry.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to the registry. {@link #toString()} never shows a secret, so these values
 * can travel in requests, plans and exceptions.
 */
public sealed interface RegistryCredentials {
    /** Environment variable with {@code user:password} for basic auth (Confluent CLI's name). */
    String USER_INFO_VARIABLE = "SCHEMA_REGISTRY_USER_INFO";
    /** Environment variable with a bearer token. */
    String TOKEN_VARIABLE = "SCHEMA_REGISTRY_BEARER_TOKEN";

    /** Where the credentials came from, for the log: never the secret. */
    String source();

    /** The registry client's configuration keys for these credentials. */
    Map<String, String> clientConfig();

    record Basic(String username, String password, String source) implements RegistryCredentials {
        public Basic {
            Objects.requireNonNull(username, "username == null");
            Objects.requireNonNull(password, "password == null");
            Objects.requireNonNull(source, "source == null");
        }

        @Override
        public Map<String, String> clientConfig() {
            return Map.of(
                    "basic.auth.credentials.source",
                    "USER_INFO",
                    "schema.registry.basic.auth.user.info",
                    username + ":" + password);
        }

        @Override
        public String toString() {
            return "basic auth as " + username + " (from " + source + ")";
        }
    }

    record Bearer(String token, String source) implements RegistryCredentials {
        public Bearer {
            Objects.requireNonNull(token, "token == null");
            Objects.requireNonNull(source, "source == null");
        }

        @Override
        public Map<String, String> clientConfig() {
            return Map.of("bearer.auth.token", token);
        }

        @Override
        public String toString() {
            return "bearer token (from " + source + ")";
        }
    }

    /**
     * Chooses the credentials: a settings.xml server entry when given (username + password: basic
     * auth; password alone: bearer token), otherwise the environment variables, otherwise none.
     *
     * @param serverId the server id, for messages
     * @param username the server's username, may be null
     * @param password the server's (decrypted) password, may be null
     * @param environment the process environment
     */
    static Optional<RegistryCredentials> resolve(
            String serverId, String username, String password, Map<String, String> environment) {
        if (password != null && !password.isEmpty()) {
            String source = "settings.xml server " + serverId;
            return Optional.of(
                    username == null || username.isBlank()
                            ? new Bearer(password, source)
                            : new Basic(username, password, source));
        }
        String userInfo = environment.get(USER_INFO_VARIABLE);
        if (userInfo != null && userInfo.contains(":")) {
            int colon = userInfo.indexOf(':');
            return Optional.of(
                    new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1), USER_INFO_VARIABLE));
        }
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return Optional.of(new Bearer(token.trim(), TOKEN_VARIABLE));
        }
        return Optional.empty();
    }
}
