package io.github.eventcat.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The catalog as an AsyncAPI 3.0 document: a channel per topic (Kafka bindings: partitions,
 * retention), a message per event on it (Avro payloads inline, JSON Schema payloads by reference
 * to the copies under {@code catalog/}, whose own {@code $ref}s resolve next to them; references
 * percent-encoded and JSON pointers escaped), and a send
 * and a receive operation per topic.
 */
final class AsyncApiDocument {
    static final String FILE = "asyncapi.yaml";
    static final String SCHEMAS = "catalog";
    static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    static final String JSON_FORMAT = "application/schema+json;version=draft-07";
    private static final String KAFKA_BINDING = "0.5.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogView view;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    AsyncApiDocument(CatalogView view) {
        this.view = view;
    }

    String yaml(String version) {
        Catalog catalog = view.catalog;
        ObjectNode root = nodes.objectNode();
        root.put("asyncapi", "3.0.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "Event catalog " + catalog.javaPackage());
        info.put("version", version);
        catalog.description().ifPresent(d -> info.put("description", d));
        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        for (Topic topic : catalog.topics()) {
            ObjectNode channel = channels.putObject(topic.name());
            channel.put("address", topic.name());
            topic.description().ifPresent(d -> channel.put("description", d));
            ObjectNode messages = channel.putObject("messages");
            for (Event event : topic.events()) {
                messages.set(event.javaTypeName(), message(topic, event));
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.name());
            topic.partitions().ifPresent(p -> kafka.put("partitions", p));
            topic.retentionMs()
                    .ifPresent(ms -> kafka.putObject("topicConfiguration").put("retention.ms", ms));
            kafka.put("bindingVersion", KAFKA_BINDING);
            operation(operations, topic, "send");
            operation(operations, topic, "receive");
        }
        StringBuilder yaml = new StringBuilder(1 << 16);
        Yaml.write(root, yaml);
        return yaml.toString();
    }

    private ObjectNode message(Topic topic, Event event) {
        ObjectNode message = nodes.objectNode();
        message.put("name", event.name());
        message.put("title", event.javaSimpleName());
        message.put("contentType", event.format() == SchemaFormat.AVRO ? "avro/binary" : "application/json");
        ObjectNode payload = message.putObject("payload");
        if (event.format() == SchemaFormat.AVRO) {
            payload.put("schemaFormat", AVRO_FORMAT);
            payload.set("schema", parse(view.avroRecord(event).toString()));
        } else {
            payload.put("schemaFormat", JSON_FORMAT);
            payload.putObject("schema")
                    .put("$ref", uriPath(copyPath(event.schemaFile().path())));
        }
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("description", "The event's field " + topic.keyField() + ", as text");
        kafka.put("schemaIdLocation", "payload");
        kafka.put("schemaIdPayloadEncoding", "confluent");
        kafka.put("schemaLookupStrategy", lookupStrategy(topic.naming()));
        kafka.put("bindingVersion", KAFKA_BINDING);
        subject(topic, event).ifPresent(s -> {
            message.put("x-eventcat-subject", s.name());
            message.put("x-eventcat-compatibility", s.compatibility().name());
        });
        message.put("x-eventcat-subject-naming", topic.naming().name());
        message.put("x-eventcat-key-field", topic.keyField());
        message.put("x-eventcat-java-type", event.javaTypeName());
        event.eventIdField().ifPresent(f -> message.put("x-eventcat-event-id-field", f));
        return message;
    }

    private void operation(ObjectNode operations, Topic topic, String action) {
        ObjectNode operation = operations.putObject(topic.name() + "." + action);
        operation.put("action", action);
        operation.putObject("channel").put("$ref", pointer("channels", topic.name()));
        operation.put(
                "summary",
                (action.equals("send")
                        ? "Generated " + topic.javaClassPrefix() + "Producer"
                        : "Generated " + topic.javaClassPrefix() + "Consumer with a " + topic.javaClassPrefix()
                                + "Handler"));
        ArrayNode messages = operation.putArray("messages");
        for (Event event : topic.events()) {
            messages.addObject().put("$ref", pointer("channels", topic.name(), "messages", event.javaTypeName()));
        }
    }

    /** The value subject the event is registered under on this topic. */
    private static Optional<Subject> subject(Topic topic, Event event) {
        Optional<Subject> own = topic.subjects().stream()
                .filter(s -> !s.key()
                        && s.schemaFile().path().equals(event.schemaFile().path()))
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        var values = topic.subjects().stream().filter(s -> !s.key()).toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static String lookupStrategy(SubjectNamingStrategy naming) {
        return switch (naming) {
            case TOPIC -> "TopicNameStrategy";
            case RECORD -> "RecordNameStrategy";
            case TOPIC_RECORD -> "TopicRecordNameStrategy";
        };
    }

    /**
     * Where the site keeps its copy of a schema file: {@code catalog/<path>}, except for a path with
     * a character a URI path cannot hold as it is (a space, {@code #}, {@code %}, {@code ?}, a
     * non-ASCII letter...): then each segment's bytes outside {@code [A-Za-z0-9._-]} become {@code
     * ~XX}. The AsyncAPI project's parser opens a {@code $ref}'s path without percent-decoding it,
     * so only a path that needs no encoding is found by every reader. No catalog {@code $ref} can
     * name such a file (the loader accepts only valid URI references), so no copy's reference breaks.
     */
    static String copyPath(String path) {
        boolean plain = true;
        for (int i = 0; i < path.length() && plain; i++) {
            char c = path.charAt(i);
            plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
        }
        if (plain) {
            return SCHEMAS + "/" + path;
        }
        StringBuilder copy = new StringBuilder(SCHEMAS);
        for (String segment : path.split("/", -1)) {
            copy.append('/');
            Html.appendTildeEscaped(copy, segment, true);
        }
        return copy.toString();
    }

    /**
     * A {@code $ref} to a file of the site: the path as a relative URI, each byte a URI path cannot
     * hold as it is (outside RFC 3986's unreserved characters, sub-delims, {@code :}, {@code @} and
     * {@code /}) percent-encoded: a space, {@code #} or {@code %} would otherwise end the path, start a
     * fragment or be decoded. For a {@link #copyPath} it changes nothing.
     */
    static String uriPath(String path) {
        return percentEncode(path, true);
    }

    /**
     * A {@code $ref} to a node of this document: a URI fragment holding a JSON pointer, each
     * segment escaped as RFC 6901 says ({@code ~} → {@code ~0}, {@code /} → {@code ~1}) and then
     * percent-encoded as a URI fragment.
     */
    static String pointer(String... segments) {
        StringBuilder ref = new StringBuilder("#");
        for (String segment : segments) {
            ref.append('/').append(percentEncode(segment.replace("~", "~0").replace("/", "~1"), false));
        }
        return ref.toString();
    }

    private static String percentEncode(String text, boolean keepPathCharacters) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || (keepPathCharacters && "/!$&'()*+,;=:@".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(hex(c));
            }
        }
        return encoded.toString();
    }

    private static String hex(int b) {
        return "" + Character.toUpperCase(Character.forDigit(b >> 4, 16))
                + Character.toUpperCase(Character.forDigit(b & 0xf, 16));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
