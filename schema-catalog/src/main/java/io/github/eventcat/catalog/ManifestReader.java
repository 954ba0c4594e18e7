package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Manifest.EventEntry;
import io.github.eventcat.catalog.Manifest.ExampleEntry;
import io.github.eventcat.catalog.Manifest.TopicEntry;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** Reads {@code catalog.yaml} into a {@link Manifest}, reporting every problem in it. */
final class ManifestReader {
    static final String FILE = Catalog.MANIFEST;

    private static final Set<String> ROOT_KEYS =
            Set.of("package", "description", "compatibility", "subject-naming", "topics", "lint");
    private static final Set<String> TOPIC_KEYS =
            Set.of("key", "partitions", "retention", "subject-naming", "compatibility", "description", "events");
    private static final Set<String> EVENT_KEYS = Set.of("schema", "event-id", "examples");
    private static final Pattern RETENTION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final ParsedDocument document;
    private final Problems problems;

    private ManifestReader(ParsedDocument document, Problems problems) {
        this.document = document;
        this.problems = problems;
    }

    /** The manifest, or empty when it is too broken to tell which topics it declares. */
    static Optional<Manifest> read(String text, Problems problems) {
        Optional<ParsedDocument> parsed = ParsedDocument.yaml(FILE, text, problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return new ManifestReader(parsed.get(), problems).read();
    }

    private Optional<Manifest> read() {
        JsonNode root = document.root();
        if (!root.isObject()) {
            problem("", "the manifest must be a mapping with the keys " + allowed(ROOT_KEYS));
            return Optional.empty();
        }
        unknownKeys(root, "", ROOT_KEYS, "at the top level of the manifest");
        String javaPackage = javaPackage(root);
        CompatibilityLevel compatibility =
                enumValue(root, "", "compatibility", CompatibilityLevel::parse, CompatibilityLevel.BACKWARD);
        SubjectNamingStrategy naming =
                enumValue(root, "", "subject-naming", SubjectNamingStrategy::parse, SubjectNamingStrategy.TOPIC);
        Optional<String> description = optionalText(root, "", "description");
        List<TopicEntry> topics = new ArrayList<>();
        JsonNode topicsNode = root.get("topics");
        if (topicsNode == null || topicsNode.isNull()) {
            problem(
                    "",
                    "the manifest declares no topics: add a \"topics\" mapping from topic name to its key"
                            + " and events");
        } else if (!topicsNode.isObject()) {
            wrongType("/topics", "\"topics\"", "a mapping from topic name to topic");
        } else if (topicsNode.isEmpty()) {
            problem("/topics", "\"topics\" is empty: declare at least one topic");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = topicsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> topic = it.next();
                topic(topic.getKey(), topic.getValue(), compatibility, naming).ifPresent(topics::add);
            }
        }
        return Optional.of(
                new Manifest(javaPackage, compatibility, naming, description, topics, new SourceDocument(document)));
    }

    private String javaPackage(JsonNode root) {
        JsonNode node = root.get("package");
        if (node == null || node.isNull()) {
            problem(
                    "",
                    "missing required key \"package\": add the Java package of the generated code,"
                            + " e.g. \"package: com.example.events\"");
            return "";
        }
        if (!node.isTextual()) {
            wrongType("/package", "\"package\"", "a Java package name such as com.example.events");
            return "";
        }
        if (!SourceVersion.isName(node.asText()) || node.asText().isEmpty()) {
            // Only generated code needs it: a baseline that breaks it is still compared against.
            problems.codeRule(
                    FILE,
                    document.locate("/package"),
                    "\"package\" is \""
                            + node.asText()
                            + "\", which is not a Java package name: use dot-separated Java identifiers that"
                            + " are not keywords, e.g. com.example.events");
        }
        return node.asText();
    }

    private Optional<TopicEntry> topic(
            String name, JsonNode node, CompatibilityLevel defaultLevel, SubjectNamingStrategy naming) {
        String pointer = "/topics/" + ParsedDocument.segment(name);
        String where = "topic \"" + name + "\"";
        if (!node.isObject()) {
            wrongType(pointer, where, "a mapping with the keys " + allowed(TOPIC_KEYS));
            return Optional.empty();
        }
        unknownKeys(node, pointer, TOPIC_KEYS, "in " + where);
        Optional<String> key = Optional.empty();
        JsonNode keyNode = node.get("key");
        if (keyNode == null || keyNode.isNull()) {
            problem(
                    pointer,
                    where
                            + " has no \"key\": name the top-level field every event of the topic carries,"
                            + " whose value becomes the record key");
        } else if (!keyNode.isTextual() || keyNode.asText().isBlank()) {
            wrongType(pointer + "/key", "\"key\" of " + where, "a field name");
        } else {
            key = Optional.of(keyNode.asText());
        }
        return Optional.of(new TopicEntry(
                name,
                document.locateKey(pointer),
                key,
                partitions(node, pointer, where),
                retention(node, pointer, where),
                enumValue(node, pointer, "subject-naming", SubjectNamingStrategy::parse, naming),
                enumValue(node, pointer, "compatibility", CompatibilityLevel::parse, defaultLevel),
                optionalText(node, pointer, "description"),
                events(node, pointer, where),
                document.locate(pointer + "/events")));
    }

    private OptionalInt partitions(JsonNode topic, String pointer, String where) {
        JsonNode node = topic.get("partitions");
        if (node == null || node.isNull()) {
            return OptionalInt.empty();
        }
        String written = document.writtenNumber(pointer + "/partitions").orElse("");
        if (node.isIntegralNumber() && !DECIMAL.matcher(written).matches()) {
            problem(
                    pointer + "/partitions",
                    "\"partitions\" of "
                            + where
                            + " is written "
                            + written
                            + ": write it in decimal digits only (e.g. 16), without a sign, leading zeros,"
                            + " underscores or a 0x/0o prefix");
            return OptionalInt.empty();
        }
        if (node.isIntegralNumber() && !node.canConvertToInt()) {
            problem(
                    pointer + "/partitions",
                    "\"partitions\" of "
                            + where
                            + " is "
                            + node
                            + ", which is too large: the maximum is "
                            + Integer.MAX_VALUE);
            return OptionalInt.empty();
        }
        if (!node.isInt() || node.asInt() < 1) {
            problem(
                    pointer + "/partitions",
                    "\"partitions\" of "
                            + where
                            + " is "
                            + node
                            + ": it must be a whole number of at least 1, or be left out to use the broker's"
                            + " default");
            return OptionalInt.empty();
        }
        return OptionalInt.of(node.asInt());
    }

    private Optional<Duration> retention(JsonNode topic, String pointer, String where) {
        JsonNode node = topic.get("retention");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String text = node.isValueNode() ? node.asText().trim() : node.toString();
        if (node.isTextual() && text.equals("infinite")) {
            return Optional.of(Topic.INFINITE_RETENTION);
        }
        Matcher matcher = RETENTION.matcher(text);
        if (node.isTextual() && matcher.matches()) {
            ChronoUnit unit =
                    switch (matcher.group(2)) {
                        case "ms" -> ChronoUnit.MILLIS;
                        case "s" -> ChronoUnit.SECONDS;
                        case "m" -> ChronoUnit.MINUTES;
                        case "h" -> ChronoUnit.HOURS;
                        default -> ChronoUnit.DAYS;
                    };
            // Kafka keeps retention.ms in a long: the largest retention is that many milliseconds.
            long max = Long.MAX_VALUE / unit.getDuration().toMillis();
            BigInteger amount = new BigInteger(matcher.group(1));
            if (amount.compareTo(BigInteger.valueOf(max)) > 0) {
                problem(
                        pointer + "/retention",
                        "\"retention\" of "
                                + where
                                + " is "
                                + node
                                + ", which is too large: the maximum is "
                                + max
                                + matcher.group(2)
                                + " (Kafka keeps retention.ms in a long); write \"infinite\" to keep records"
                                + " forever");
                return Optional.empty();
            }
            if (amount.signum() > 0) {
                return Optional.of(Duration.of(amount.longValueExact(), unit));
            }
        }
        problem(
                pointer + "/retention",
                "\"retention\" of "
                        + where
                        + " is "
                        + node
                        + ": write a positive whole number followed by ms, s, m, h or d (e.g. 7d, 12h), or"
                        + " \"infinite\"");
        return Optional.empty();
    }

    private List<EventEntry> events(JsonNode topic, String pointer, String where) {
        List<EventEntry> events = new ArrayList<>();
        JsonNode node = topic.get("events");
        String eventsPointer = pointer + "/events";
        if (node == null || node.isNull()) {
            problem(pointer, where + " has no \"events\": list the schema files of the events it carries");
            return events;
        }
        if (!node.isArray()) {
            wrongType(eventsPointer, "\"events\" of " + where, "a list of schema file paths");
            return events;
        }
        if (node.isEmpty()) {
            problem(eventsPointer, "\"events\" of " + where + " is empty: list at least one schema file");
            return events;
        }
        for (int i = 0; i < node.size(); i++) {
            String entryPointer = eventsPointer + "/" + i;
            JsonNode entry = node.get(i);
            if (entry.isTextual()) {
                events.add(
                        new EventEntry(entry.asText(), document.locate(entryPointer), Optional.empty(), "", List.of()));
            } else if (entry.isObject()) {
                unknownKeys(entry, entryPointer, EVENT_KEYS, "in an event of " + where);
                JsonNode schema = entry.get("schema");
                Optional<String> eventId = optionalText(entry, entryPointer, "event-id");
                if (schema == null || !schema.isTextual()) {
                    problem(
                            entryPointer,
                            "an event of "
                                    + where
                                    + " has no \"schema\" path: write {schema: path/to/file.avsc, event-id: field}"
                                    + " or just the path");
                } else {
                    events.add(new EventEntry(
                            schema.asText(),
                            document.locate(entryPointer + "/schema"),
                            eventId,
                            document.locate(entryPointer + "/event-id"),
                            examples(entry, entryPointer, where)));
                }
            } else {
                wrongType(
                        entryPointer, "an event of " + where, "a schema file path or {schema: path, event-id: field}");
            }
        }
        return events;
    }

    /** The {@code examples} of an event entry: a list of catalog-relative paths. */
    private List<ExampleEntry> examples(JsonNode entry, String entryPointer, String where) {
        JsonNode node = entry.get("examples");
        String pointer = entryPointer + "/examples";
        List<ExampleEntry> examples = new ArrayList<>();
        if (node == null || node.isNull()) {
            return examples;
        }
        if (!node.isArray()) {
            wrongType(
                    pointer,
                    "\"examples\" of an event of " + where,
                    "a list of example file paths, e.g. [examples/ticket_opened.json]");
            return examples;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode path = node.get(i);
            if (!path.isTextual() || path.asText().isBlank()) {
                wrongType(
                        pointer + "/" + i,
                        "an example of an event of " + where,
                        "the path of a .json file, relative to " + FILE);
            } else {
                examples.add(new ExampleEntry(path.asText(), document.locate(pointer + "/" + i)));
            }
        }
        return examples;
    }

    private <T> T enumValue(JsonNode parent, String pointer, String key, Function<String, T> parse, T fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        String memberPointer = pointer + "/" + key;
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(
                        (key.equals("compatibility")
                                ? "unknown compatibility level " + node + ": use one of "
                                        + CompatibilityLevel.acceptedValues()
                                : "unknown subject naming strategy " + node + ": use one of "
                                        + SubjectNamingStrategy.acceptedValues()));
            }
            return parse.apply(node.asText());
        } catch (IllegalArgumentException e) {
            problem(memberPointer, "\"" + key + "\": " + e.getMessage());
            return fallback;
        }
    }

    private Optional<String> optionalText(JsonNode parent, String pointer, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            wrongType(pointer + "/" + key, "\"" + key + "\"", "a string");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private void unknownKeys(JsonNode node, String pointer, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(
                        ManifestReader.FILE,
                        document.locateKey(pointer + "/" + ParsedDocument.segment(key)),
                        "unknown key \"" + key + "\" " + where + ": the allowed keys are " + allowed(allowed));
            }
        }
    }

    private void wrongType(String pointer, String what, String expected) {
        problem(pointer, what + " must be " + expected);
    }

    private void problem(String pointer, String message) {
        problems.add(FILE, document.locate(pointer), message);
    }

    private static String allowed(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
