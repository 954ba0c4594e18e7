package io.github.eventcat.registry.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy in front of the real registry: counts requests by method, and on demand
 * demands credentials (401/403), answers 5xx, hangs, or stops listening (the registry "goes down").
 */
public final class RegistryProxy implements AutoCloseable {
    static {
        // The JDK's HTTP server writes headers and body separately and, unless told, leaves Nagle's
        // algorithm on: every answer then waits ~40 ms for the client's delayed ACK. Read once,
        // when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final URI target;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> countsByMethod = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger hangsLeft = new AtomicInteger();
    private final AtomicInteger requestsUntilDown = new AtomicInteger(-1);
    private volatile int failureStatus = 503;
    private volatile Duration hang = Duration.ZERO;
    private volatile String requiredAuthorization;
    private volatile String readOnlyAuthorization;
    private volatile boolean hangWritesOnly;
    private final Map<String, Integer> refusedPaths = new ConcurrentHashMap<>();
    private final int port;
    private volatile HttpServer server;

    /** @param target the registry's base URL, e.g. http://127.0.0.1:P/apis/ccompat/v7 */
    public RegistryProxy(String target) {
        this.target = URI.create(target);
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            created.createContext("/", this::handle);
            created.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "registry-proxy");
                thread.setDaemon(true);
                return thread;
            }));
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the proxy", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + target.getPath();
    }

    public int count(String method) {
        AtomicInteger count = countsByMethod.get(method);
        return count == null ? 0 : count.get();
    }

    public int total() {
        return countsByMethod.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * Requests as {@code METHOD path}, in arrival order; the path relative to the registry's base URL,
     * or from the root for a path outside it (such as {@value ApicurioExport#EXPORT_PATH}).
     */
    List<String> requests() {
        return List.copyOf(requests);
    }

    public void resetCounts() {
        countsByMethod.clear();
        requests.clear();
    }

    /** Answers 401 unless the Authorization header is exactly this value. */
    void requireAuthorization(String header) {
        this.requiredAuthorization = header;
    }

    /** Answers 403 to writes made with this Authorization header. */
    void readOnly(String header) {
        this.readOnlyAuthorization = header;
    }

    /** Answers {@code status} to every request for {@code path} (as logged by {@link #requests()}). */
    public void refuse(String path, int status) {
        refusedPaths.put(path, status);
    }

    void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    void hangNextWrites(int count, Duration duration) {
        hang = duration;
        hangWritesOnly = true;
        hangsLeft.set(count);
    }

    /** Stops listening after {@code count} more requests, as a registry that is shut down. */
    void goDownAfter(int count) {
        requestsUntilDown.set(count);
    }

    /** Listens again, on the same port. */
    synchronized void comeBack() {
        requestsUntilDown.set(-1);
        if (server == null) {
            server = start(port);
        }
    }

    private synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            // Paths under the Confluent API base are logged and forwarded relative to it; others
            // (Apicurio's own API beside it) from the host's root.
            String rawPath = exchange.getRequestURI().getRawPath();
            boolean underBase = rawPath.startsWith(target.getPath());
            String path = underBase ? rawPath.substring(target.getPath().length()) : rawPath;
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int untilDown = requestsUntilDown.getAndUpdate(n -> n > 0 ? n - 1 : n);
            if (untilDown == 0) {
                new Thread(this::goDown).start();
                exchange.sendResponseHeaders(503, -1); // the last answer before the registry is gone
                return;
            }
            countsByMethod.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            requests.add(method + " " + path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                answer(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            boolean write = !method.equals("GET") && !isRead(method, path);
            if (readOnlyAuthorization != null && readOnlyAuthorization.equals(authorization) && write) {
                answer(
                        exchange,
                        403,
                        "{\"error_code\":40301,\"message\":\"User is denied operation Write on this subject\"}");
                return;
            }
            Integer refusal = refusedPaths.get(path);
            if (refusal != null) {
                answer(exchange, refusal, "{\"error_code\":" + refusal + ",\"message\":\"refused by the test proxy\"}");
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(
                        exchange,
                        failureStatus,
                        "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");
                return;
            }
            if ((!hangWritesOnly || write) && hangsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sleep(hang);
            }
            String forwardTo =
                    (underBase ? target + path : target.getScheme() + "://" + target.getRawAuthority() + path)
                            + (query == null ? "" : "?" + query);
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(forwardTo))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .header(
                            "Accept",
                            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept"))
                                    .orElse("application/vnd.schemaregistry.v1+json, application/json"));
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            response.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    /** Lookups and compatibility checks are POSTs that only read. */
    private static boolean isRead(String method, String path) {
        return method.equals("POST") && (path.startsWith("/compatibility/") || !path.endsWith("/versions"));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Writes seen: registrations, config changes and deletes (lookups and compatibility checks are reads). */
    public int writes() {
        return (int) requests.stream()
                .filter(r -> {
                    String[] parts = r.split(" ", 2);
                    return !parts[0].equals("GET") && !isRead(parts[0], parts[1]);
                })
                .count();
    }

    @Override
    public void close() {
        goDown();
    }
}
