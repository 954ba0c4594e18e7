package io.github.eventcat.registry.sync;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SchemaReference;
import io.github.eventcat.vocabulary.SchemaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Brownfield adoption: downloads the latest version of every subject matching a pattern (and the
 * schemas they reference) into {@code <catalog>/schemas/}, and writes a {@code catalog.yaml}
 * skeleton that guesses topics from the subject names (Confluent's three strategies). What cannot
 * be known from the registry (the topic of a RECORD-named subject, the key field) is marked
 * {@code TODO} in the manifest and listed in {@link PullResult#notes()}.
 */
final class RegistryPull {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryClient client;

    public RegistryPull(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client == null");
    }

    public PullResult pull(Pattern subjects, Path catalogDirectory) {
        List<String> matching = new ArrayList<>(new TreeSet<>(client.subjects().stream()
                .filter(s -> subjects.matcher(s).matches())
                .toList()));
        Path schemas = catalogDirectory.resolve("schemas");
        Map<String, Path> written = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, TopicSkeleton> topics = new TreeMap<>();
        for (String subject : matching) {
            RegisteredSchema latest = client.latestVersion(subject);
            String fileName = writeWithReferences(latest, safeName(subject), schemas, written);
            JsonNode tree = parse(latest.definition().schema());
            String recordName = recordFullName(latest.definition().type(), tree);
            Optional<CompatibilityLevel> level = client.subjectCompatibility(subject);
            if (subject.endsWith("-key")) {
                notes.add(
                        subject + ": a key schema, written to schemas/" + fileName + " but not listed in catalog.yaml");
                continue;
            }
            String topic;
            String naming;
            if (subject.endsWith("-value")) {
                topic = subject.substring(0, subject.length() - "-value".length());
                naming = "TOPIC";
            } else if (subject.equals(recordName)) {
                topic = "TODO-"
                        + safeName(recordName.substring(recordName.lastIndexOf('.') + 1))
                                .toLowerCase(java.util.Locale.ROOT);
                naming = "RECORD";
                notes.add(
                        subject + ": RECORD-named, the registry does not say which topic carries it; catalog.yaml uses "
                                + topic + ": rename it");
            } else if (recordName != null && subject.endsWith("-" + recordName)) {
                topic = subject.substring(0, subject.length() - recordName.length() - 1);
                naming = "TOPIC_RECORD";
            } else {
                topic = "TODO-" + safeName(subject).toLowerCase(java.util.Locale.ROOT);
                naming = "TOPIC";
                notes.add(subject + ": the name follows none of the three strategies; catalog.yaml uses " + topic);
            }
            TopicSkeleton skeleton = topics.computeIfAbsent(
                    topic,
                    t -> new TopicSkeleton(
                            naming,
                            keyGuess(latest.definition().type(), tree),
                            level.map(Enum::name).orElse(null)));
            skeleton.events.add("schemas/" + fileName);
        }
        Path manifest = writeManifest(catalogDirectory, topics, notes);
        return new PullResult(matching, List.copyOf(written.values()), manifest, notes);
    }

    /** Writes the schema and, first, what it references; answers the file name used. */
    private String writeWithReferences(
            RegisteredSchema schema, String baseName, Path schemas, Map<String, Path> written) {
        for (SchemaReference reference : schema.definition().references()) {
            String key = reference.subject() + "@" + reference.version();
            if (written.containsKey(key)) {
                continue;
            }
            RegisteredSchema referenced = client.version(reference.subject(), reference.version());
            // A JSON $ref is a file name relative to the referencing file: keep it, so the $ref still resolves.
            boolean keepName = schema.definition().type() == SchemaType.JSON
                    && reference.name().matches("[A-Za-z0-9_.-]+\\.json");
            String name = keepName
                    ? reference.name().substring(0, reference.name().length() - ".json".length())
                    : safeName(reference.subject());
            written.put(
                    key, schemas.resolve(name + referenced.definition().type().fileExtension()));
            writeWithReferences(referenced, name, schemas, written);
        }
        String fileName = baseName + schema.definition().type().fileExtension();
        Path file = schemas.resolve(fileName);
        write(file, pretty(schema.definition().schema()));
        written.put(schema.subject() + "@" + schema.version(), file);
        return fileName;
    }

    private static String recordFullName(SchemaType type, JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (type == SchemaType.JSON) {
            return tree.path("title").asText(null);
        }
        String name = tree.path("name").asText(null);
        String namespace = tree.path("namespace").asText("");
        if (name == null) {
            return null;
        }
        return name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name;
    }

    /**
     * A guess at the key field: the first field that can be a key (string, int, long) and whose name
     * ends with "id", else the first that can be a key. The registry may reorder fields (canonical
     * form), so "first" alone would be a poor guess.
     */
    private static String keyGuess(SchemaType type, JsonNode tree) {
        if (tree == null) {
            return "TODO";
        }
        List<String> candidates = new ArrayList<>();
        if (type == SchemaType.JSON) {
            JsonNode properties = tree.path("properties");
            tree.path("required").forEach(name -> {
                String kind = properties.path(name.asText()).path("type").asText("");
                if (kind.equals("string") || kind.equals("integer")) {
                    candidates.add(name.asText());
                }
            });
        } else {
            tree.path("fields").forEach(field -> {
                JsonNode fieldType = field.path("type");
                String kind = fieldType.isTextual()
                        ? fieldType.asText()
                        : fieldType.path("type").asText("");
                if (kind.equals("string") || kind.equals("int") || kind.equals("long")) {
                    candidates.add(field.path("name").asText());
                }
            });
        }
        return candidates.stream()
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith("id"))
                .findFirst()
                .orElse(candidates.isEmpty() ? "TODO" : candidates.get(0));
    }

    private Path writeManifest(Path directory, Map<String, TopicSkeleton> topics, List<String> notes) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Pulled from ").append(client.config().urls()).append(" by registry:pull: a starting point.\n");
        yaml.append("# Check every key (a guess: the first required field) and every TODO topic name.\n");
        yaml.append("package: TODO.events\n");
        yaml.append("compatibility: BACKWARD\n");
        yaml.append("subject-naming: TOPIC_RECORD\n\n");
        yaml.append("topics:\n");
        topics.forEach((topic, skeleton) -> {
            yaml.append("  ").append(quoteIfNeeded(topic)).append(":\n");
            yaml.append("    key: ").append(skeleton.key).append("   # TODO: check\n");
            yaml.append("    subject-naming: ").append(skeleton.naming).append('\n');
            if (skeleton.compatibility != null) {
                yaml.append("    compatibility: ")
                        .append(skeleton.compatibility)
                        .append('\n');
            }
            yaml.append("    events:\n");
            skeleton.events.forEach(e -> yaml.append("      - ").append(e).append('\n'));
        });
        Path manifest = directory.resolve("catalog.yaml");
        if (Files.exists(manifest)) {
            manifest = directory.resolve("catalog.yaml.pulled");
            notes.add("catalog.yaml exists and was kept; the skeleton is in catalog.yaml.pulled");
        }
        write(manifest, yaml.toString());
        return manifest;
    }

    private static String quoteIfNeeded(String text) {
        return text.matches("[A-Za-z0-9._-]+") ? text : "\"" + text.replace("\"", "\\\"") + "\"";
    }

    private static String safeName(String subject) {
        return subject.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static JsonNode parse(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (IOException e) {
            return null;
        }
    }

    private static String pretty(String schema) {
        JsonNode tree = parse(schema);
        if (tree == null) {
            return schema;
        }
        try {
            DefaultPrettyPrinter printer =
                    new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            return schema;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to write " + file + " but failed", e);
        }
    }

    private static final class TopicSkeleton {
        final String naming;
        final String key;
        final String compatibility;
        final List<String> events = new ArrayList<>();

        TopicSkeleton(String naming, String key, String compatibility) {
            this.naming = naming;
            this.key = key;
            this.compatibility = compatibility;
        }
    }
}
