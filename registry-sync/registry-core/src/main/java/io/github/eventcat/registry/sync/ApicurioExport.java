package io.github.eventcat.registry.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.RegistryClientConfig;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry 2.x's bulk read: its native {@code GET /apis/registry/v2/admin/export}, a zip of
 * every artifact version, content and rule. Apicurio's Confluent API ({@code /apis/ccompat/v7})
 * serves no bulk read, neither {@code GET /schemas} nor levels, so without this an unchanged sync
 * would read twice per subject.
 *
 * <p>Used only as a shortcut, never as the truth of a write: a registry URL that is not Apicurio's
 * Confluent API, an export that cannot be read (404, 401/403 when auth demands the admin role, no
 * answer) or is not the format this reads (export version 1.0 of Apicurio 2.x) yields nothing, and
 * the caller reads subject by subject as on any registry. What it yields is what the Confluent API
 * answers for the same subjects: the default group's artifacts, the latest version that is not
 * disabled (soft-deleted), its content, type and references, and the level of subjects that have a
 * compatibility rule of their own. A subject whose versions are not plain numbers (made through the
 * native API) is left out.
 */
final class ApicurioExport {
    private static final Logger LOG = LoggerFactory.getLogger(ApicurioExport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CCOMPAT_PATH = Pattern.compile("(.*)/apis/ccompat/v[67]/?");
    static final String EXPORT_PATH = "/apis/registry/v2/admin/export";
    private static final Pattern CONTENT_ENTRY = Pattern.compile("content/([^/]+)\\.Content\\.(json|data)");

    private final Map<String, RegisteredSchema> latestBySubject;
    private final Map<String, CompatibilityLevel> levelBySubject;

    private ApicurioExport(
            Map<String, RegisteredSchema> latestBySubject, Map<String, CompatibilityLevel> levelBySubject) {
        this.latestBySubject = Map.copyOf(latestBySubject);
        this.levelBySubject = Map.copyOf(levelBySubject);
    }

    /** The latest schema of every subject, as the Confluent API would answer it (id: Apicurio's content id). */
    Map<String, RegisteredSchema> latestBySubject() {
        return latestBySubject;
    }

    /** Levels of the subjects that have one of their own; a subject without is not here (ask the registry). */
    Map<String, CompatibilityLevel> levelBySubject() {
        return levelBySubject;
    }

    /** The export's URL beside a Confluent API base such as {@code http://h:8080/apis/ccompat/v7}; empty for other URLs. */
    static Optional<URI> exportUrl(URI confluentApiBase) {
        Matcher matcher =
                CCOMPAT_PATH.matcher(confluentApiBase.getRawPath() == null ? "" : confluentApiBase.getRawPath());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(confluentApiBase.resolve(matcher.group(1) + EXPORT_PATH));
    }

    /**
     * Reads the export from the first registry URL that answers (failover order), with the
     * connection's credentials, TLS and timeout; empty when the registry is not Apicurio 2.x or does
     * not let these credentials export.
     */
    static Optional<ApicurioExport> read(RegistryClientConfig config) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1);
        config.sslContext().ifPresent(builder::sslContext);
        HttpClient http = builder.build();
        for (URI base : config.urls()) {
            Optional<URI> url = exportUrl(base);
            if (url.isEmpty()) {
                return Optional.empty();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url.get())
                    .timeout(config.requestTimeout())
                    .header("Accept", "application/zip")
                    .GET();
            config.authorizationHeader().ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<InputStream> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        LOG.debug("GET {} answered {}: reading subject by subject", url.get(), response.statusCode());
                        return Optional.empty();
                    }
                    Optional<ApicurioExport> export = parseOrEmpty(body, url.get());
                    if (export.isEmpty()) {
                        LOG.debug(
                                "GET {} is not an Apicurio 2.x export (version 1.0): reading subject by subject",
                                url.get());
                    }
                    return export;
                }
            } catch (IOException e) {
                LOG.debug(
                        "GET {} failed ({}): trying the next URL, else reading subject by subject",
                        url.get(),
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record Version(String subject, int version, int versionId, boolean disabled, String type, long contentId) {}

    private record Content(long contentId, String references) {}

    /** A format this cannot read is no reason to fail a sync: the caller reads per subject instead. */
    private static Optional<ApicurioExport> parseOrEmpty(InputStream body, URI url) {
        try {
            return parse(body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("GET {} could not be read as an export ({})", url, e.toString());
            return Optional.empty();
        }
    }

    /** Parses an export; empty when it is not Apicurio 2.x's export format 1.0. */
    static Optional<ApicurioExport> parse(InputStream zip) throws IOException {
        JsonNode manifest = null;
        Map<String, Content> contentByHash = new HashMap<>();
        Map<String, String> dataByHash = new HashMap<>();
        List<Version> versions = new ArrayList<>();
        Map<String, CompatibilityLevel> levels = new HashMap<>();
        try (ZipInputStream entries = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                byte[] bytes = entries.readAllBytes();
                Matcher content = CONTENT_ENTRY.matcher(name);
                if (name.endsWith(".Manifest.json") && !name.contains("/")) {
                    manifest = JSON.readTree(bytes);
                } else if (content.matches() && content.group(2).equals("data")) {
                    dataByHash.put(content.group(1), new String(bytes, StandardCharsets.UTF_8));
                } else if (content.matches()) {
                    JsonNode json = JSON.readTree(bytes);
                    contentByHash.put(
                            content.group(1),
                            new Content(
                                    json.path("contentId").asLong(-1),
                                    json.path("serializedReferences").asText(null)));
                } else if (name.endsWith(".ArtifactVersion.json")) {
                    JsonNode json = JSON.readTree(bytes);
                    if (inDefaultGroup(json)) {
                        versions.add(new Version(
                                json.path("artifactId").asText(),
                                plainNumber(json.path("version").asText()),
                                json.path("versionId").asInt(-1),
                                "DISABLED".equals(json.path("state").asText()),
                                json.path("artifactType").asText(""),
                                json.path("contentId").asLong(-1)));
                    }
                } else if (name.endsWith("/COMPATIBILITY.ArtifactRule.json")) {
                    JsonNode json = JSON.readTree(bytes);
                    level(json.path("configuration").asText())
                            .filter(level -> inDefaultGroup(json))
                            .ifPresent(
                                    level -> levels.put(json.path("artifactId").asText(), level));
                }
            }
        }
        if (manifest == null
                || !"apicurio-registry".equals(manifest.path("systemName").asText())
                || !manifest.path("systemVersion").asText().startsWith("2.")
                || !"1.0".equals(manifest.path("exportVersion").asText())) {
            return Optional.empty();
        }
        Map<Long, String> hashByContentId = new HashMap<>();
        Map<Long, Content> contentById = new HashMap<>();
        contentByHash.forEach((hash, content) -> {
            hashByContentId.put(content.contentId(), hash);
            contentById.put(content.contentId(), content);
        });
        Map<String, Version> latestVersion = new HashMap<>();
        for (Version version : versions) {
            if (!version.disabled()) {
                latestVersion.merge(version.subject(), version, (a, b) -> a.versionId() >= b.versionId() ? a : b);
            }
        }
        Map<String, RegisteredSchema> latest = new HashMap<>();
        for (Version version : latestVersion.values()) {
            String text = dataByHash.get(hashByContentId.get(version.contentId()));
            Optional<SchemaType> type = type(version.type());
            Optional<List<SchemaReference>> references = references(contentById.get(version.contentId()));
            if (text != null && version.version() > 0 && type.isPresent() && references.isPresent()) {
                latest.put(
                        version.subject(),
                        new RegisteredSchema(
                                version.subject(),
                                version.version(),
                                Math.toIntExact(version.contentId()),
                                new SchemaDefinition(text, type.get(), references.get())));
            }
        }
        return Optional.of(new ApicurioExport(latest, levels));
    }

    /** The Confluent API sees the default group only: {@code null} in the export's entities. */
    private static boolean inDefaultGroup(JsonNode entity) {
        JsonNode group = entity.path("groupId");
        return group.isNull() || group.isMissingNode() || "default".equals(group.asText());
    }

    /** A version the Confluent API can name: a positive integer; -1 otherwise. */
    private static int plainNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            return number > 0 ? number : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<SchemaType> type(String artifactType) {
        return switch (artifactType) {
            case "AVRO" -> Optional.of(SchemaType.AVRO);
            case "JSON" -> Optional.of(SchemaType.JSON);
            case "PROTOBUF" -> Optional.of(SchemaType.PROTOBUF);
            default -> Optional.empty();
        };
    }

    private static Optional<CompatibilityLevel> level(String configuration) {
        try {
            return Optional.of(CompatibilityLevel.parse(configuration));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** References as the Confluent API answers them; empty when one cannot be expressed there. */
    private static Optional<List<SchemaReference>> references(Content content) throws IOException {
        if (content == null) {
            return Optional.empty();
        }
        if (content.references() == null || content.references().isBlank()) {
            return Optional.of(List.of());
        }
        JsonNode serialized = JSON.readTree(content.references());
        if (!serialized.isArray()) {
            return Optional.empty();
        }
        List<SchemaReference> references = new ArrayList<>();
        for (JsonNode reference : serialized) {
            int version = plainNumber(reference.path("version").asText());
            if (version < 0 || !inDefaultGroup(reference)) {
                return Optional.empty();
            }
            references.add(new SchemaReference(
                    reference.path("name").asText(),
                    reference.path("artifactId").asText(),
                    version));
        }
        return Optional.of(references);
    }
}
