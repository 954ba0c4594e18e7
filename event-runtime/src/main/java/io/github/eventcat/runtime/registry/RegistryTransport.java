package io.github.eventcat.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link SchemaRegistryClient}: one JSON request to a Confluent-API registry with
 * the configured timeouts, TLS and {@code Authorization} header, retried with backoff on 5xx answers
 * and missing answers, failing over to the next URL of the list when a registry does not answer.
 * Non-2xx answers become {@link SchemaRegistryException}s carrying the registry's error code and
 * message. Knows no API call: paths and bodies come from the client.
 *
 * <p>Thread-safe: the current URL is shared by all callers, so one failover serves every thread.
 */
final class RegistryTransport {
    /* Logged as the client: the category users configure is SchemaRegistryClient's. */
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final AtomicInteger currentUrl = new AtomicInteger();
    private final AtomicLong requestCount = new AtomicLong();

    RegistryTransport(RegistryClientConfig config) {
        this.config = config;
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1);
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** HTTP requests sent so far, retries included. */
    long requestCount() {
        return requestCount.get();
    }

    /** The registry URL requests go to now (it moves on when one stops answering). */
    URI currentBaseUrl() {
        return config.urls().get(Math.floorMod(currentUrl.get(), config.urls().size()));
    }

    /** A subject or other value as one URL path segment. */
    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An answer shortened to one line for a message. */
    static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    /** Sends one request with retries and failover; answers the parsed JSON body of a 2xx. */
    JsonNode send(String method, String path, JsonNode body) {
        String bodyText = body == null ? null : body.toString();
        RetryPolicy retry = config.retryPolicy();
        SchemaRegistryException last = null;
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            if (attempt > 0) {
                sleep(retry.backoff(attempt), method, path);
            }
            int urlIndex = Math.floorMod(currentUrl.get(), config.urls().size());
            URI base = config.urls().get(urlIndex);
            try {
                return sendOnce(method, base, path, bodyText);
            } catch (SchemaRegistryException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                last = e;
                if (e.status() == 0 && config.urls().size() > 1) {
                    currentUrl.compareAndSet(urlIndex, urlIndex + 1); // fail over to the next registry URL
                }
                LOG.debug(
                        "Registry request failed (attempt {} of {}): {}",
                        attempt + 1,
                        retry.maxRetries() + 1,
                        e.getMessage());
            }
        }
        throw last;
    }

    private JsonNode sendOnce(String method, URI base, String path, String body) {
        String url = base + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                // Apicurio answers 415 to a request without it, even a GET or DELETE.
                .header("Content-Type", CONTENT_TYPE)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        config.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        requestCount.incrementAndGet();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SchemaRegistryException(
                    method,
                    url,
                    "no answer within " + config.requestTimeout().toMillis()
                            + " ms (schema.registry.request.timeout.ms)",
                    e);
        } catch (ConnectException e) {
            throw new SchemaRegistryException(method, url, "connection refused or unreachable", e);
        } catch (IOException e) {
            throw new SchemaRegistryException(method, url, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method, url, "interrupted while waiting for the registry", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), method, url, status);
        }
        throw error(method, url, status, response.body());
    }

    private static JsonNode parse(String body, String method, String url, int status) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(method, url, status, 0, "the answer is not JSON: " + abbreviate(body));
        }
    }

    private static SchemaRegistryException error(String method, String url, int status, String body) {
        int errorCode = 0;
        String message = body == null || body.isBlank() ? "(no message)" : abbreviate(body);
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                errorCode = json.path("error_code").asInt(0);
                if (json.hasNonNull("message")) {
                    message = json.get("message").asText();
                }
            }
        } catch (IOException notJson) {
            // an HTML error page from a proxy: keep the raw text as the message
        }
        return new SchemaRegistryException(method, url, status, errorCode, message);
    }

    private static void sleep(Duration duration, String method, String path) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method, path, "interrupted while waiting to retry", e);
        }
    }
}
