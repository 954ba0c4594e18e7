package io.github.eventcat.registry.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP front of the real registry that serves Confluent's bulk read
 * {@code GET /schemas?latestOnly=true} (optional {@code subjectPrefix}, {@code deleted}), which
 * Apicurio 2.4.2 does not serve, and forwards every other request unchanged.
 *
 * <p>Why: no Confluent Schema Registry build is obtainable here (see REAL-SERVERS.md), yet the sync
 * must be tested against a registry that serves the endpoint. This answers it as Confluent does
 * (an array of {@code {subject, version, id, schemaType, schema, references}}, {@code schemaType}
 * absent for Avro, {@code references} absent when empty, sorted by subject) from the real registry's
 * own data: {@code GET /subjects}, then {@code GET /subjects/{s}/versions/latest} for each. Nothing
 * in an answer is made up; only the shape of one endpoint is Confluent's.
 */
public final class ConfluentSchemasFacade implements AutoCloseable {
    static {
        // As in RegistryProxy: without it every answer waits ~40 ms for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI registry;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "confluent-schemas-facade");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer server;

    /** @param registry the real registry's base URL, e.g. http://127.0.0.1:P/apis/ccompat/v7 */
    public ConfluentSchemasFacade(String registry) {
        this.registry = URI.create(registry);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the facade", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL clients use instead of the registry's (same path). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + registry.getPath();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI()
                    .getRawPath()
                    .substring(registry.getPath().length());
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, String> parameters = parameters(query);
            Answer answer =
                    method.equals("GET") && path.equals("/schemas") && "true".equals(parameters.get("latestOnly"))
                            ? latestSchemas(parameters, authorization)
                            : forward(
                                    method,
                                    path + (query == null ? "" : "?" + query),
                                    body,
                                    authorization,
                                    exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    private record Answer(int status, byte[] body, String contentType) {}

    private Answer latestSchemas(Map<String, String> parameters, String authorization)
            throws IOException, InterruptedException {
        String prefix = parameters.getOrDefault("subjectPrefix", "");
        Answer subjects = forward(
                "GET",
                "/subjects" + ("true".equals(parameters.get("deleted")) ? "?deleted=true" : ""),
                null,
                authorization,
                null);
        if (subjects.status() != 200) {
            return subjects; // the registry's own refusal (401, 5xx …), as it gave it
        }
        ArrayNode schemas = JSON.createArrayNode();
        TreeSet<String> sorted = new TreeSet<>();
        JSON.readTree(subjects.body()).forEach(s -> sorted.add(s.asText()));
        for (String subject : sorted) {
            if (!subject.startsWith(prefix)) {
                continue;
            }
            Answer latest =
                    forward("GET", "/subjects/" + encode(subject) + "/versions/latest", null, authorization, null);
            if (latest.status() != 200) {
                return latest;
            }
            schemas.add(confluentShape(JSON.readTree(latest.body())));
        }
        return new Answer(200, JSON.writeValueAsBytes(schemas), CONTENT_TYPE);
    }

    /** One entry as Confluent writes it: no schemaType for Avro, no references when there are none. */
    private static ObjectNode confluentShape(JsonNode version) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("subject", version.path("subject").asText());
        entry.put("version", version.path("version").asInt());
        entry.put("id", version.path("id").asInt());
        String type = version.path("schemaType").asText("AVRO");
        if (!type.isEmpty() && !type.equals("AVRO")) {
            entry.put("schemaType", type);
        }
        if (version.path("references").size() > 0) {
            entry.set("references", version.get("references"));
        }
        entry.put("schema", version.path("schema").asText());
        return entry;
    }

    private Answer forward(String method, String pathAndQuery, byte[] body, String authorization, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + pathAndQuery))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                // Apicurio answers 415 without a Content-Type, even to a GET.
                .header("Content-Type", contentType == null ? CONTENT_TYPE : contentType)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse("application/json"));
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            List<String> parts = List.of(pair.split("=", 2));
            parameters.put(decode(parts.get(0)), parts.size() > 1 ? decode(parts.get(1)) : "");
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
