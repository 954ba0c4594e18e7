package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.AvroExampleReader;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Example;
import io.github.eventcat.catalog.JsonInstanceValidator;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;

/**
 * The gate's concrete test beside the schema rules: the examples of a subject must read across
 * versions. BACKWARD: an earlier version's examples, the records already in the topic, must read
 * with the new schema (Avro: written with the old schema, read with the new one; JSON Schema:
 * valid against the new schema). FORWARD: the current examples must read with the earlier schema.
 */
final class ExampleChecks {
    static final String RULE = "EXAMPLE_UNREADABLE";

    /** The subject as an earlier version had it. */
    record Earlier(String label, Catalog catalog, Subject subject) {}

    private ExampleChecks() {}

    /**
     * @param earlierOldestFirst the subject in every baseline that has it, oldest first; the level
     *     decides which of them are checked, as it does for the schema rules
     */
    static List<CompatibilityFinding> findings(Catalog current, Subject subject, List<Earlier> earlierOldestFirst) {
        CompatibilityLevel level = subject.compatibility();
        if (level == CompatibilityLevel.NONE || earlierOldestFirst.isEmpty()) {
            return List.of();
        }
        List<Earlier> against = level.isTransitive()
                ? earlierOldestFirst
                : List.of(earlierOldestFirst.get(earlierOldestFirst.size() - 1));
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (Earlier earlier : against) {
            SchemaFile oldFile = earlier.subject().schemaFile();
            if (oldFile.format() != subject.schemaFile().format()) {
                continue; // reported as SCHEMA_TYPE_CHANGED
            }
            if (level.checksBackward()) {
                for (Example example : examples(earlier.catalog(), oldFile)) {
                    unreadable(example, earlier.catalog(), oldFile, current, subject.schemaFile())
                            .ifPresent(reason -> findings.add(finding(
                                    example,
                                    oldFile.format(),
                                    Direction.BACKWARD,
                                    earlier.label(),
                                    "the example of version " + earlier.label() + " does not read with the new schema: "
                                            + reason,
                                    "records like this example are in the topic already: make the change readable"
                                            + " for them (give a new field a default, keep a removed enum symbol or"
                                            + " union branch, widen rather than narrow a type)")));
                }
            }
            if (level.checksForward()) {
                for (Example example : examples(current, subject.schemaFile())) {
                    unreadable(example, current, subject.schemaFile(), earlier.catalog(), oldFile)
                            .ifPresent(reason -> findings.add(finding(
                                    example,
                                    oldFile.format(),
                                    Direction.FORWARD,
                                    earlier.label(),
                                    "the example does not read with the schema of version " + earlier.label() + ": "
                                            + reason,
                                    "consumers still on version " + earlier.label() + " will get records like this"
                                            + " example: keep what they need (do not remove a field without a default,"
                                            + " add enum symbols only with an enum default), or fix the example if no"
                                            + " producer writes such records")));
                }
            }
        }
        return findings;
    }

    /** The examples written in a schema file, by path, each once. */
    static List<Example> examples(Catalog catalog, SchemaFile file) {
        Map<String, Example> byPath = new LinkedHashMap<>();
        catalog.topics().forEach(topic -> topic.events().forEach(event -> event.examples().stream()
                .filter(example -> example.schemaFile().equals(file.path()))
                .forEach(example -> byPath.putIfAbsent(example.path(), example))));
        return List.copyOf(byPath.values());
    }

    /** Why an example written with one schema does not read with another, or empty when it does. */
    private static Optional<String> unreadable(
            Example example, Catalog writerCatalog, SchemaFile writer, Catalog readerCatalog, SchemaFile reader) {
        if (writer.format() == SchemaFormat.AVRO) {
            try {
                AvroExampleReader.read(
                        example.text(), writerCatalog.avroSchema(writer), readerCatalog.avroSchema(reader));
                return Optional.empty();
            } catch (IOException | AvroRuntimeException e) {
                return Optional.of(AvroExampleReader.reason(e));
            }
        }
        List<JsonInstanceValidator.Violation> violations =
                JsonInstanceValidator.of(readerCatalog, reader).validate(example.value());
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(violations.stream()
                        .map(v -> (v.pointer().isEmpty() ? "" : v.pointer() + ": ") + v.message())
                        .collect(Collectors.joining("; ")));
    }

    private static CompatibilityFinding finding(
            Example example, SchemaFormat format, Direction direction, String label, String change, String fix) {
        return new CompatibilityFinding(format, example.path(), change, direction, label, fix, RULE);
    }
}
