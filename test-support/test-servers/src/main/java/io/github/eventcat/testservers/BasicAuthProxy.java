package io.github.eventcat.testservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP basic auth in front of a real registry (Apicurio's own auth needs an OIDC server): on
 * 127.0.0.1 and a free port, it answers 401 unless a request carries the one expected user and
 * password, and forwards the others unchanged. It keeps every {@code Authorization} header it saw,
 * so a test can check which credentials reached the registry (and which did not).
 */
public final class BasicAuthProxy implements AutoCloseable {
    private final URI target;
    private final String expected;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    /** @param registryUrl the registry's base URL, e.g. {@link EmbeddedSchemaRegistry#url()} */
    public BasicAuthProxy(String registryUrl, String user, String password) {
        this.target = URI.create(Objects.requireNonNull(registryUrl, "registryUrl == null"));
        this.expected =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "eventcat-basic-auth-proxy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the basic auth proxy on " + LoopbackPorts.HOST, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The registry's URL through this proxy (same path). */
    public String url() {
        return "http://" + LoopbackPorts.HOST + ":" + server.getAddress().getPort() + target.getRawPath();
    }

    /** Every {@code Authorization} header received, in order ({@code "<none>"} for a request without one). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "<none>" : authorization);
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"registry\"");
                byte[] body = "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            URI uri = URI.create(target.getScheme() + "://" + target.getRawAuthority()
                    + exchange.getRequestURI().toString());
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(
                            exchange.getRequestMethod(),
                            requestBody.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            for (String header : List.of("Content-Type", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders()
                    .add("Content-Type", type));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
