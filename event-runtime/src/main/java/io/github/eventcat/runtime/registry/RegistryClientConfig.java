package io.github.eventcat.runtime.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach the registry, read from a Kafka-style configuration map with Confluent's keys, so
 * the same {@code Properties} configure a producer, a consumer and this client.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><td>{@code schema.registry.url}</td><td>base URL(s), comma-separated for failover</td></tr>
 * <tr><td>{@code basic.auth.credentials.source}</td><td>{@code USER_INFO} (default) or {@code URL}; user info in
 * the URL ({@code http://user:password@host}) is used as basic auth unless another source or credential is set, which
 * is refused as a conflict</td></tr>
 * <tr><td>{@code schema.registry.basic.auth.user.info} / {@code basic.auth.user.info}</td><td>{@code user:password}</td></tr>
 * <tr><td>{@code bearer.auth.token}</td><td>a static bearer token</td></tr>
 * <tr><td>{@code schema.registry.ssl.truststore.location/password/type}</td><td>trust store for HTTPS</td></tr>
 * <tr><td>{@code schema.registry.ssl.keystore.location/password/type}, {@code schema.registry.ssl.key.password}</td><td>client certificate</td></tr>
 * <tr><td>{@code schema.registry.request.timeout.ms}</td><td>per request, default 30000</td></tr>
 * <tr><td>{@code schema.registry.connect.timeout.ms}</td><td>default 10000</td></tr>
 * <tr><td>{@code max.retries}, {@code retries.wait.ms}, {@code retries.max.wait.ms}</td><td>retries on 5xx and no answer (default 3, 200 ms doubling up to 5000 ms); never on 4xx</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows credentials, and no message shows URL user info (see {@link Redaction}).
 */
public record RegistryClientConfig(
        List<URI> urls,
        Optional<String> authorizationHeader,
        Optional<SSLContext> sslContext,
        Duration requestTimeout,
        Duration connectTimeout,
        RetryPolicy retryPolicy) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String USER_INFO_SHORT = "basic.auth.user.info";
    public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_TOKEN = "bearer.auth.token";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    /** Defaults of the keys above, written once: registry-core and the registry plugin show and use these. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final String DEFAULT_STORE_TYPE = "PKCS12";

    public RegistryClientConfig {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is needed");
        }
        urls = List.copyOf(urls);
        Objects.requireNonNull(authorizationHeader, "authorizationHeader == null");
        Objects.requireNonNull(sslContext, "sslContext == null");
        Objects.requireNonNull(requestTimeout, "requestTimeout == null");
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    }

    /** Plain HTTP, no auth, default timeouts and retries. */
    public static RegistryClientConfig of(String url) {
        return from(Map.of(URL, url));
    }

    /** Reads the keys listed above; other keys (Kafka's own) are ignored. */
    public static RegistryClientConfig from(Map<String, ?> config) {
        String urlList = string(config, URL)
                .orElseThrow(() -> new IllegalArgumentException(URL + " is not set: give the registry's base URL, "
                        + "e.g. http://localhost:8081 (comma-separated for several)"));
        List<URI> urls = new ArrayList<>();
        Optional<String> urlUserInfo = Optional.empty();
        for (String part : urlList.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(part.trim());
            } catch (URISyntaxException e) {
                // the reason and index only: the input may hold a password, in a form no redaction recognises
                throw new IllegalArgumentException(
                        URL + " has an entry that is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                                + "): percent-encode special characters (in a password '@' is %40, ':' is %3A)");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(URL + " has an entry that is not an http(s) URL: "
                        + Redaction.unparsed(part.trim()) + " — write scheme://host:port, e.g. http://localhost:8081");
            }
            if (uri.getRawUserInfo() != null) {
                if (urlUserInfo.isPresent() && !urlUserInfo.get().equals(uri.getRawUserInfo())) {
                    throw new IllegalArgumentException(URL + " has different user info in its URLs ("
                            + Redaction.url(urlList) + "): give the credentials once");
                }
                urlUserInfo = Optional.of(uri.getRawUserInfo());
            }
            urls.add(withoutUserInfo(uri));
        }
        return new RegistryClientConfig(
                urls,
                authorization(config, urlUserInfo),
                sslContext(config),
                Duration.ofMillis(number(config, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS)),
                Duration.ofMillis(number(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS)),
                new RetryPolicy(
                        (int) number(config, MAX_RETRIES, DEFAULT_MAX_RETRIES),
                        Duration.ofMillis(number(config, RETRIES_WAIT_MS, 200)),
                        Duration.ofMillis(number(config, RETRIES_MAX_WAIT_MS, 5_000))));
    }

    public RegistryClientConfig withRetryPolicy(RetryPolicy policy) {
        return new RegistryClientConfig(urls, authorizationHeader, sslContext, requestTimeout, connectTimeout, policy);
    }

    public RegistryClientConfig withRequestTimeout(Duration timeout) {
        return new RegistryClientConfig(urls, authorizationHeader, sslContext, timeout, connectTimeout, retryPolicy);
    }

    /*
     * User info in the URL is used as basic auth, as Confluent's client does with
     * basic.auth.credentials.source=URL, also when no source is set: it was never sent before, and a
     * URL with a password is plainly meant to log in. Credentials given twice are refused rather than
     * one silently winning.
     */
    private static Optional<String> authorization(Map<String, ?> config, Optional<String> urlUserInfo) {
        Optional<String> token = string(config, BEARER_TOKEN);
        Optional<String> explicitSource = string(config, CREDENTIALS_SOURCE).map(s -> s.toUpperCase(Locale.ROOT));
        Optional<String> userInfoKey = string(config, USER_INFO).isPresent()
                ? Optional.of(USER_INFO)
                : string(config, USER_INFO_SHORT).isPresent() ? Optional.of(USER_INFO_SHORT) : Optional.empty();
        if (urlUserInfo.isPresent()) {
            Optional<String> other = token.isPresent() ? Optional.of(BEARER_TOKEN) : userInfoKey;
            if (other.isPresent()) {
                throw new IllegalArgumentException(URL + " has user info and " + other.get() + " is set too: give the "
                        + "credentials once (remove the user info from the URL, or remove " + other.get() + ")");
            }
            if (explicitSource.isPresent() && !explicitSource.get().equals("URL")) {
                throw new IllegalArgumentException(
                        URL + " has user info but " + CREDENTIALS_SOURCE + "=" + explicitSource.get() + ": set "
                                + CREDENTIALS_SOURCE + "=URL to log in with it, or remove the user info from the URL");
            }
            return Optional.of(basic(percentDecode(urlUserInfo.get())));
        }
        if (token.isPresent()) {
            return Optional.of("Bearer " + token.get());
        }
        String source = explicitSource.orElse("USER_INFO");
        Optional<String> userInfo =
                switch (source) {
                    case "URL" -> Optional.empty();
                    case "USER_INFO" -> string(config, USER_INFO).or(() -> string(config, USER_INFO_SHORT));
                    default ->
                        throw new IllegalArgumentException(CREDENTIALS_SOURCE + "=" + source
                                + " is not supported: use USER_INFO (with " + USER_INFO + "=user:password) or URL");
                };
        return userInfo.map(RegistryClientConfig::basic);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<SSLContext> sslContext(Map<String, ?> config) {
        Optional<String> trustStore = string(config, TRUSTSTORE_LOCATION);
        Optional<String> keyStore = string(config, KEYSTORE_LOCATION);
        if (trustStore.isEmpty() && keyStore.isEmpty()) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory trust = null;
            if (trustStore.isPresent()) {
                KeyStore store = load(
                        trustStore.get(),
                        string(config, TRUSTSTORE_TYPE).orElse(DEFAULT_STORE_TYPE),
                        string(config, TRUSTSTORE_PASSWORD).orElse(null),
                        TRUSTSTORE_LOCATION);
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            }
            KeyManagerFactory keys = null;
            if (keyStore.isPresent()) {
                String storePassword = string(config, KEYSTORE_PASSWORD).orElse(null);
                KeyStore store = load(
                        keyStore.get(),
                        string(config, KEYSTORE_TYPE).orElse(DEFAULT_STORE_TYPE),
                        storePassword,
                        KEYSTORE_LOCATION);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = string(config, KEY_PASSWORD).orElse(storePassword);
                keys.init(store, keyPassword == null ? null : keyPassword.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not set up TLS for the registry client: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String location, String type, String password, String key)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    key + "=" + location + " could not be read as a " + type + " store (" + e.getMessage()
                            + "): check the path, type and password",
                    e);
        }
        return store;
    }

    static Optional<String> string(Map<String, ?> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof org.apache.kafka.common.config.types.Password password
                ? password.value()
                : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    static long number(Map<String, ?> config, String key, long defaultValue) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
        }
    }

    private static URI withoutUserInfo(URI uri) {
        String text = uri.toString();
        if (uri.getRawUserInfo() != null) {
            text = text.replace(uri.getRawUserInfo() + "@", "");
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static String percentDecode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", auth="
                + authorizationHeader.map(h -> h.substring(0, h.indexOf(' '))).orElse("none") + ", tls="
                + sslContext.isPresent() + ", requestTimeout=" + requestTimeout
                + ", retryPolicy=" + retryPolicy + "]";
    }
}
