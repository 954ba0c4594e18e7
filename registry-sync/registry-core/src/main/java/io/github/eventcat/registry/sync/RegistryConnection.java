package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the plugin reaches the registry. Its {@link #toString()} shows no secret.
 *
 * @param urls base URLs, tried in order on failure (failover)
 * @param credentials basic auth or bearer token, if any
 * @param trustStore trust store for HTTPS, if not the JVM's
 * @param keyStore key store with a client certificate, if needed
 * @param timeout per request
 * @param retries retries of a request after a 5xx or no answer (with doubling backoff)
 */
public record RegistryConnection(
        List<String> urls,
        Optional<RegistryCredentials> credentials,
        Optional<KeyStoreSettings> trustStore,
        Optional<KeyStoreSettings> keyStore,
        Duration timeout,
        int retries) {
    /** The registry client's defaults, not a copy of them. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(RegistryClientConfig.DEFAULT_REQUEST_TIMEOUT_MS);

    public static final int DEFAULT_RETRIES = RegistryClientConfig.DEFAULT_MAX_RETRIES;

    /** The {@link RegistryCredentials#source()} of credentials taken from URL user info. */
    public static final String URL_USER_INFO = "the registry URL's user info";

    /**
     * User info in a URL ({@code http://user:password@host}) is taken out of the URL, so that no
     * URL kept here can print it, and becomes basic auth; it conflicts with other credentials.
     */
    public RegistryConnection {
        Objects.requireNonNull(credentials, "credentials == null");
        UrlUserInfo parsed = UrlUserInfo.split(urls);
        urls = parsed.urls();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no registry URL: give at least one");
        }
        if (parsed.credentials().isPresent()) {
            if (credentials.isPresent() && !credentials.get().source().equals(URL_USER_INFO)) {
                throw new IllegalArgumentException("the registry URL has user info and there are credentials from "
                        + credentials.get().source() + " too: give them once (remove the user info from the URL, "
                        + "or drop the other credentials)");
            }
            credentials = parsed.credentials();
        }
        Objects.requireNonNull(trustStore, "trustStore == null");
        Objects.requireNonNull(keyStore, "keyStore == null");
        Objects.requireNonNull(timeout, "timeout == null");
    }

    public static RegistryConnection of(String url) {
        return new RegistryConnection(
                List.of(url), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    public RegistryConnection withCredentials(RegistryCredentials value) {
        return new RegistryConnection(urls, Optional.of(value), trustStore, keyStore, timeout, retries);
    }

    public RegistryConnection withTimeout(Duration value, int retryCount) {
        return new RegistryConnection(urls, credentials, trustStore, keyStore, value, retryCount);
    }

    /** A client for this connection (the registry client's own Kafka-style keys). */
    public SchemaRegistryClient client() {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryClientConfig.URL, String.join(",", urls));
        credentials.ifPresent(c -> config.putAll(c.clientConfig()));
        trustStore.ifPresent(store -> {
            config.put(
                    RegistryClientConfig.TRUSTSTORE_LOCATION, store.location().toString());
            store.password().ifPresent(p -> config.put(RegistryClientConfig.TRUSTSTORE_PASSWORD, p));
            config.put(RegistryClientConfig.TRUSTSTORE_TYPE, store.type());
        });
        keyStore.ifPresent(store -> {
            config.put(RegistryClientConfig.KEYSTORE_LOCATION, store.location().toString());
            store.password().ifPresent(p -> config.put(RegistryClientConfig.KEYSTORE_PASSWORD, p));
            config.put(RegistryClientConfig.KEYSTORE_TYPE, store.type());
        });
        config.put(RegistryClientConfig.REQUEST_TIMEOUT_MS, timeout.toMillis());
        config.put(
                RegistryClientConfig.CONNECT_TIMEOUT_MS,
                Math.min(timeout.toMillis(), RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT_MS));
        config.put(RegistryClientConfig.MAX_RETRIES, retries);
        return SchemaRegistryClient.fromConfig(config);
    }

    @Override
    public String toString() {
        return "registry " + urls + credentials.map(c -> ", " + c).orElse("")
                + trustStore.map(t -> ", trust store " + t).orElse("")
                + keyStore.map(k -> ", key store " + k).orElse("") + ", timeout " + timeout.toMillis() + " ms, "
                + retries + " retries";
    }
}
