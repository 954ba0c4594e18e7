package io.github.eventcat.runtime.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server for unit tests of the client's error handling (5xx, timeouts, answer
 * shapes). Real-registry tests live next to it; this never replaces them.
 */
final class StubRegistry implements AutoCloseable {
    /** One scripted answer; {@code delayMillis} > 0 makes the server slow (for timeouts). */
    record Answer(int status, String body, long delayMillis) {
        static Answer json(int status, String body) {
            return new Answer(status, body, 0);
        }
    }

    /** What the client sent. */
    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized StubRegistry then(int status, String body) {
        answers.add(Answer.json(status, body));
        return this;
    }

    synchronized StubRegistry thenSlow(long delayMillis, int status, String body) {
        answers.add(new Answer(status, body, delayMillis));
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        Answer answer;
        synchronized (this) {
            answer = answers.isEmpty()
                    ? Answer.json(500, "{\"error_code\":50001,\"message\":\"no scripted answer\"}")
                    : answers.poll();
        }
        if (exchange.getRequestHeaders().getFirst("Content-Type") == null) {
            answer =
                    Answer.json(415, "{\"error_code\":415,\"message\":\"Unsupported Media Type\"}"); // as Apicurio does
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException clientGone) {
            // the client timed out and left: nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
