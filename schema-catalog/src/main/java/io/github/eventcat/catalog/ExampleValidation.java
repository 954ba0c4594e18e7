package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.CatalogFiles.Target.Kind;
import io.github.eventcat.catalog.Manifest.EventEntry;
import io.github.eventcat.catalog.Manifest.ExampleEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Reads the examples listed with a topic's events, checks each against the schema of the file
 * listed with it (Avro: Avro's JSON encoding; JSON Schema: the document itself), and gives each
 * event its examples. Problems go to the example file at the place inside it, or to the manifest
 * when the path itself is wrong.
 */
final class ExampleValidation {
    private static final String MANIFEST = ManifestReader.FILE;

    /** A listed schema file that compiled, with its manifest entry. */
    record Listing(EventEntry entry, String path, SchemaFormat format) {}

    private final CatalogFiles files;
    private final Map<String, AvroFiles.Compiled> avro;
    private final Map<String, JsonSchemaFiles.Compiled> json;
    private final Problems problems;
    private Map<String, String> jsonTexts;

    ExampleValidation(
            CatalogFiles files,
            Map<String, AvroFiles.Compiled> avro,
            Map<String, JsonSchemaFiles.Compiled> json,
            Problems problems) {
        this.files = files;
        this.avro = avro;
        this.json = json;
        this.problems = problems;
    }

    /** The topic's events, each with the valid examples listed for it. */
    List<Event> attach(List<Listing> listed, List<Event> events) {
        Map<Event, List<Example>> examples = new LinkedHashMap<>();
        events.forEach(event -> examples.put(event, new ArrayList<>()));
        for (Listing listing : listed) {
            Set<String> seen = new HashSet<>();
            for (ExampleEntry entry : listing.entry().examples()) {
                Optional<String> path = path(listing, entry, seen);
                if (path.isEmpty()) {
                    continue;
                }
                Optional<String> text = files.read(path.get(), problems);
                Optional<ParsedDocument> document = text.flatMap(t -> ParsedDocument.json(path.get(), t, problems));
                if (document.isEmpty()) {
                    continue;
                }
                Example example = new Example(path.get(), listing.path(), listing.format(), text.get());
                Optional<Event> event = listing.format() == SchemaFormat.AVRO
                        ? checkAvro(listing, document.get(), events)
                        : checkJson(listing, document.get(), events);
                event.filter(examples::containsKey)
                        .ifPresent(e -> examples.get(e).add(example));
            }
        }
        return events.stream().map(e -> e.withExamples(examples.get(e))).toList();
    }

    /** The real catalog-relative path of an example, or empty after reporting why there is none. */
    private Optional<String> path(Listing listing, ExampleEntry entry, Set<String> seen) {
        String written = entry.path();
        Optional<String> path = files.resolve("", written);
        if (path.isEmpty()) {
            return report(
                    entry,
                    "example \"" + written + "\" is outside the catalog root: keep examples"
                            + " inside the directory that holds " + MANIFEST + " and write their path relative to it");
        }
        if (!written.endsWith(".json")) {
            return report(
                    entry,
                    "example \"" + written + "\" is not a .json file: write the example as"
                            + " JSON (for Avro, Avro's JSON encoding) in a file whose name ends with .json");
        }
        CatalogFiles.Target target = files.target(path.get());
        if (target.kind() == Kind.OUTSIDE) {
            return report(
                    entry,
                    "example \"" + written + "\" is a symbolic link that leads outside the" + " catalog root (to "
                            + target.real() + "): copy the file into the catalog");
        }
        if (target.kind() == Kind.MISSING) {
            return report(
                    entry,
                    "example file \"" + written + "\" does not exist: fix the path" + " (relative to " + MANIFEST
                            + ") or add the file");
        }
        if (!seen.add(target.path())) {
            return report(
                    entry,
                    "example \"" + written + "\" is listed twice for "
                            + listing.entry().path() + ": remove one");
        }
        return Optional.of(target.path());
    }

    private Optional<String> report(ExampleEntry entry, String message) {
        problems.codeRule(MANIFEST, entry.location(), message);
        return Optional.empty();
    }

    private Optional<Event> checkAvro(Listing listing, ParsedDocument document, List<Event> events) {
        AvroFiles.Compiled compiled = avro.get(listing.path());
        if (compiled == null) {
            return Optional.empty(); // the schema's problems are reported
        }
        Schema schema = compiled.schema();
        List<AvroJsonEncoding.Violation> violations = AvroJsonEncoding.check(document.root(), schema);
        violations.forEach(v -> problem(document, listing, v.pointer(), v.message()));
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        Object datum;
        try {
            datum = AvroExampleReader.read(document.root().toString(), schema, schema);
        } catch (IOException | AvroRuntimeException e) {
            problem(
                    document,
                    listing,
                    "",
                    "Avro's JSON decoder refuses it: " + AvroExampleReader.reason(e)
                            + " — write the example in Avro's JSON encoding");
            return Optional.empty();
        }
        String record = datum instanceof GenericContainer container
                ? container.getSchema().getFullName()
                : "";
        return events.stream().filter(e -> e.recordFullName().equals(record)).findFirst();
    }

    private Optional<Event> checkJson(Listing listing, ParsedDocument document, List<Event> events) {
        JsonSchemaFiles.Compiled compiled = json.get(listing.path());
        if (compiled == null) {
            return Optional.empty(); // the schema's problems are reported
        }
        List<JsonInstanceValidator.Violation> violations =
                validator(listing.path(), "").validate(document.root());
        violations.forEach(v -> problem(document, listing, v.pointer(), v.message()));
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = compiled.root();
        JsonNode oneOf = root.get("oneOf");
        if (oneOf != null && oneOf.isArray() && !root.has("properties")) {
            // A union (TOPIC naming, one listed file): its branches are the topic's events, in order.
            for (int i = 0; i < oneOf.size() && oneOf.size() == events.size(); i++) {
                if (validator(listing.path(), "/oneOf/" + i)
                        .validate(document.root())
                        .isEmpty()) {
                    return Optional.of(events.get(i));
                }
            }
            return Optional.empty();
        }
        return events.stream()
                .filter(e -> e.schemaFile().path().equals(listing.path()))
                .findFirst();
    }

    private JsonInstanceValidator validator(String path, String fragment) {
        if (jsonTexts == null) {
            jsonTexts = new HashMap<>();
            json.values().forEach(c -> jsonTexts.put(c.path(), c.text()));
        }
        return new JsonInstanceValidator(jsonTexts, path, fragment);
    }

    private void problem(ParsedDocument document, Listing listing, String pointer, String message) {
        problems.codeRule(
                document.file(),
                document.locate(pointer),
                "at "
                        + (pointer.isEmpty() ? "the top level" : pointer) + ": " + message + " (schema "
                        + listing.path() + ")");
    }
}
