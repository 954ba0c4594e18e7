package io.github.eventcat.registry.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Terminates TLS on 127.0.0.1 with the given key store and forwards every request, unchanged, to
 * the real (plain HTTP) registry: the registry behind an HTTPS endpoint, as in production.
 */
final class TlsRegistryProxy implements AutoCloseable {
    static {
        // See RegistryProxy: without it every answer waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final URI target;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tls-registry-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpsServer server;

    /**
     * @param target the registry's base URL, e.g. http://127.0.0.1:P/apis/ccompat/v7
     * @param keyStore a PKCS12 store holding the server's key and certificate
     * @param password the store's (and key's) password
     */
    TlsRegistryProxy(String target, Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        this.target = URI.create(target);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + target.getPath();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Forwards the path as it is, to the registry's host: the Confluent API and Apicurio's own beside it.
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.getScheme() + "://"
                            + target.getRawAuthority() + path + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .header(
                            "Accept",
                            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept"))
                                    .orElse("application/vnd.schemaregistry.v1+json, application/json"))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
