package io.github.eventcat.runtime.registry;

import static io.github.eventcat.runtime.registry.RegistryTransport.abbreviate;
import static io.github.eventcat.runtime.registry.RegistryTransport.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Confluent Schema Registry REST API that also accepts the answers of registries
 * speaking it with small differences (Apicurio's {@code /apis/ccompat/v7}).
 *
 * <p>Thread-safe. Two caches make the serdes' hot path free of HTTP: schema by id, and id by
 * (subject, schema). Failures are {@link SchemaRegistryException}s; 5xx answers and missing answers
 * (timeouts, refused connections) are retried with exponential backoff, trying the next URL of a
 * failover list; 4xx answers are not retried. This class holds the API calls (paths, bodies,
 * answers, caches); {@link RegistryTransport} the HTTP, retries and failover.
 */
public final class SchemaRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final ObjectMapper JSON = RegistryTransport.JSON;

    private final RegistryClientConfig config;
    private final RegistryTransport transport;
    private final Map<Integer, SchemaDefinition> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> registeredBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, SchemaDefinition definition) {}

    public SchemaRegistryClient(RegistryClientConfig config) {
        this.config = config;
        this.transport = new RegistryTransport(config);
    }

    /** Reads {@code schema.registry.url} and friends (see {@link RegistryClientConfig}) from a Kafka-style map. */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        return new SchemaRegistryClient(RegistryClientConfig.from(config));
    }

    public RegistryClientConfig config() {
        return config;
    }

    /** HTTP requests sent so far, retries included: lets tests prove the caches work. */
    public long requestCount() {
        return transport.requestCount();
    }

    // ---- schemas -------------------------------------------------------------------------------

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    public int register(String subject, SchemaDefinition schema) {
        return register(subject, schema, false);
    }

    /** As {@link #register(String, SchemaDefinition)}; {@code normalize} asks the registry to normalize first. */
    public int register(String subject, SchemaDefinition schema, boolean normalize) {
        RegisteredSchema cached = registeredBySubjectSchema.get(new SubjectSchema(subject, schema));
        if (cached != null) {
            return cached.id();
        }
        JsonNode answer = send(
                "POST",
                "/subjects/" + encode(subject) + "/versions" + (normalize ? "?normalize=true" : ""),
                schemaBody(schema));
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        // Confluent answers only {"id":n}; the version is learnt on the next lookup.
        registeredBySubjectSchema.put(
                new SubjectSchema(subject, schema),
                new RegisteredSchema(subject, answer.path("version").asInt(-1), id, schema));
        return id;
    }

    /** The registered version of {@code schema} under {@code subject}, or empty when it is not registered there. */
    public Optional<RegisteredSchema> lookup(String subject, SchemaDefinition schema) {
        return lookup(subject, schema, false);
    }

    public Optional<RegisteredSchema> lookup(String subject, SchemaDefinition schema, boolean normalize) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = registeredBySubjectSchema.get(key);
        if (cached != null && cached.version() > 0) {
            return Optional.of(cached);
        }
        try {
            JsonNode answer = send(
                    "POST", "/subjects/" + encode(subject) + (normalize ? "?normalize=true" : ""), schemaBody(schema));
            RegisteredSchema found = new RegisteredSchema(
                    subject, answer.path("version").asInt(), answer.path("id").asInt(), schema);
            registeredBySubjectSchema.put(key, found);
            schemasById.putIfAbsent(found.id(), schema);
            return Optional.of(found);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The schema with global id {@code id}; cached forever (ids are immutable). */
    public SchemaDefinition schemaById(int id) {
        SchemaDefinition cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        if (!answer.path("schema").isTextual()) {
            // Some other service at a wrong path: its answer must not pass for a broken schema (a poison record).
            throw new SchemaRegistryException(
                    "GET",
                    currentBaseUrl() + "/schemas/ids/" + id,
                    200,
                    0,
                    "the answer has no \"schema\" text: " + abbreviate(answer.toString())
                            + " — check that the URL is the registry's Confluent API base (e.g. …/apis/ccompat/v7)");
        }
        SchemaDefinition schema = definition(answer);
        schemasById.put(id, schema);
        return schema;
    }

    /**
     * The latest version of every subject in one request, {@code GET /schemas?latestOnly=true}
     * (Confluent Schema Registry and registries copying its API); empty when the registry does not
     * serve that endpoint (Apicurio 2.x answers 404). Soft-deleted subjects are left out.
     *
     * <p>"Not served" is precisely a 404 or 405 without one of Confluent's resource error codes
     * (404xx): the answer of a web framework, or of a proxy, to a route it does not know. Every
     * other failure (401, 403, 5xx after retries, no answer) is thrown as by every other call.
     * A registry that ignores {@code latestOnly} and lists every version is tolerated: the highest
     * version per subject is kept.
     *
     * @return one entry per subject, in the registry's order
     */
    public Optional<List<RegisteredSchema>> latestSchemas() {
        String path = "/schemas?latestOnly=true";
        JsonNode answer;
        try {
            answer = send("GET", path, null);
        } catch (SchemaRegistryException e) {
            if (isEndpointNotServed(e)) {
                LOG.debug("The registry does not serve GET {}: {}", path, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
        if (!answer.isArray()) {
            throw new SchemaRegistryException(
                    "GET",
                    currentBaseUrl() + path,
                    200,
                    0,
                    "expected a JSON array of schemas, got: " + abbreviate(answer.toString())
                            + " — check that the URL is the registry's Confluent API base (e.g. …/apis/ccompat/v7)");
        }
        Map<String, RegisteredSchema> latestBySubject = new LinkedHashMap<>();
        for (JsonNode entry : answer) {
            RegisteredSchema registered = new RegisteredSchema(
                    entry.path("subject").asText(),
                    entry.path("version").asInt(),
                    entry.path("id").asInt(),
                    definition(entry));
            schemasById.putIfAbsent(registered.id(), registered.definition());
            latestBySubject.merge(registered.subject(), registered, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return Optional.of(List.copyOf(latestBySubject.values()));
    }

    /** A 404/405 that names no registry resource: the endpoint is unknown (Confluent's own 404s carry 404xx codes). */
    private static boolean isEndpointNotServed(SchemaRegistryException e) {
        boolean resourceNotFound = e.errorCode() >= 40400 && e.errorCode() <= 40499;
        return (e.status() == 404 || e.status() == 405) && !resourceNotFound;
    }

    public List<String> subjects() {
        return subjects(false);
    }

    public List<String> subjects(boolean includeDeleted) {
        return strings(send("GET", "/subjects" + (includeDeleted ? "?deleted=true" : ""), null));
    }

    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    public RegisteredSchema version(String subject, int version) {
        return version(subject, Integer.toString(version));
    }

    public RegisteredSchema latestVersion(String subject) {
        return version(subject, "latest");
    }

    private RegisteredSchema version(String subject, String version) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        RegisteredSchema registered = new RegisteredSchema(
                answer.path("subject").asText(subject),
                answer.path("version").asInt(),
                answer.path("id").asInt(),
                definition(answer));
        schemasById.putIfAbsent(registered.id(), registered.definition());
        return registered;
    }

    /**
     * Deletes a subject and returns the versions it had. {@code permanent} also removes it for good
     * (the API requires a soft delete first, which this does when needed).
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> deleted = new ArrayList<>();
        try {
            send("DELETE", "/subjects/" + encode(subject), null).forEach(v -> deleted.add(v.asInt()));
        } catch (SchemaRegistryException e) {
            if (!(permanent && e.errorCode() == SchemaRegistryException.SUBJECT_SOFT_DELETED)) {
                throw e;
            }
        }
        if (permanent) {
            deleted.clear();
            send("DELETE", "/subjects/" + encode(subject) + "?permanent=true", null)
                    .forEach(v -> deleted.add(v.asInt()));
        }
        registeredBySubjectSchema.keySet().removeIf(key -> key.subject().equals(subject));
        return deleted;
    }

    // ---- compatibility -------------------------------------------------------------------------

    /** Tests {@code schema} against the latest version of {@code subject}, verbose. */
    public CompatibilityResult testCompatibility(String subject, SchemaDefinition schema) {
        return compatibility("/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true", schema);
    }

    /** Tests {@code schema} against every version of {@code subject} (what the _TRANSITIVE levels check), verbose. */
    public CompatibilityResult testCompatibilityWithAll(String subject, SchemaDefinition schema) {
        return compatibility("/compatibility/subjects/" + encode(subject) + "/versions?verbose=true", schema);
    }

    private CompatibilityResult compatibility(String path, SchemaDefinition schema) {
        JsonNode answer = send("POST", path, schemaBody(schema));
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.isTextual() ? m.asText() : m.toString()));
        if (answer.hasNonNull("reason")) {
            messages.add(answer.get("reason").asText()); // Apicurio's shape
        }
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(), messages);
    }

    /**
     * The compatibility level set on {@code subject}, or empty when it has none of its own
     * (Confluent answers 404; Apicurio answers the global level instead, which then shows here).
     */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        try {
            return Optional.of(level(send("GET", "/config/" + encode(subject), null)));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public CompatibilityLevel globalCompatibility() {
        return level(send("GET", "/config", null));
    }

    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        return level(send("PUT", "/config/" + encode(subject), compatibilityBody(level)));
    }

    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level(send("PUT", "/config", compatibilityBody(level)));
    }

    private static ObjectNode compatibilityBody(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibility", level.name());
    }

    private static CompatibilityLevel level(JsonNode answer) {
        // GET answers compatibilityLevel, PUT answers compatibility.
        JsonNode value = answer.hasNonNull("compatibilityLevel")
                ? answer.get("compatibilityLevel")
                : answer.path("compatibility");
        return CompatibilityLevel.parse(value.asText());
    }

    // ---- request bodies and answers -----------------------------------------------------------

    private static ObjectNode schemaBody(SchemaDefinition schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.schema());
        body.put("schemaType", schema.type().name());
        if (!schema.references().isEmpty()) {
            ArrayNode references = body.putArray("references");
            for (SchemaReference reference : schema.references()) {
                references
                        .addObject()
                        .put("name", reference.name())
                        .put("subject", reference.subject())
                        .put("version", reference.version());
            }
        }
        return body;
    }

    private static SchemaDefinition definition(JsonNode answer) {
        List<SchemaReference> references = new ArrayList<>();
        answer.path("references")
                .forEach(r -> references.add(new SchemaReference(
                        r.path("name").asText(),
                        r.path("subject").asText(),
                        r.path("version").asInt())));
        return new SchemaDefinition(
                answer.path("schema").asText(),
                SchemaType.fromRegistry(answer.path("schemaType").asText(null)),
                references);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private URI currentBaseUrl() {
        return transport.currentBaseUrl();
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return transport.send(method, path, body);
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient[" + config + "]";
    }
}
