package io.github.eventcat.catalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apicurio.registry.rules.compatibility.jsonschema.JsonSchemaDiffLibrary;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.Difference;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaGraph;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * JSON Schema compatibility with the rules Apicurio Registry applies (its {@code
 * JsonSchemaDiffLibrary}, modeled on Confluent's JSON Schema rules), each difference turned into a
 * finding with the JSON pointer of the property, what changed and a fix.
 */
final class JsonSchemaRules {
    private JsonSchemaRules() {}

    /** Keywords that end a difference's path: the finding points at the schema that holds them. */
    private static final Set<String> KEYWORDS = Set.of(
            "type",
            "maximum",
            "minimum",
            "exclusiveMaximum",
            "exclusiveMinimum",
            "multipleOf",
            "maxLength",
            "minLength",
            "pattern",
            "format",
            "contentEncoding",
            "contentMediaType",
            "enum",
            "const",
            "required",
            "additionalProperties",
            "minProperties",
            "maxProperties",
            "minItems",
            "maxItems",
            "uniqueItems",
            "additionalItems",
            "propertySchemasAdded",
            "propertySchemasRemoved");

    /** The name of the bundled document in its one-document schema graph. */
    private static final String BUNDLE = "bundle.json";

    private static final Pattern WRAPPER = Pattern.compile("^\\w+Wrapper\\(wrapped=(.*)\\)$", Pattern.DOTALL);

    static List<CompatibilityFinding> findings(
            CandidateSchema.Json reader, CandidateSchema.Json writer, Direction direction, String version) {
        JsonNode readerDocument = JsonSchemaBundle.bundle(reader.schema(), reader.references());
        JsonNode writerDocument = JsonSchemaBundle.bundle(writer.schema(), writer.references());
        // Apicurio's "original" is the schema the data was written with, "updated" the reader's.
        Set<Difference> differences = JsonSchemaDiffLibrary.findDifferences(
                        load(writerDocument, writer.version()), load(readerDocument, reader.version()))
                .getIncompatibleDifferences();
        Context context = new Context(readerDocument, writerDocument, direction, version);
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (Difference difference : differences) {
            findings.addAll(translate(difference, context));
        }
        findings.sort(Comparator.comparing(CompatibilityFinding::path)
                .thenComparing(CompatibilityFinding::rule)
                .thenComparing(CompatibilityFinding::change));
        return findings.stream().distinct().toList();
    }

    private static Schema load(JsonNode document, String version) {
        try {
            Object json = document.isObject() ? new JSONObject(document.toString()) : document.asBoolean();
            return SchemaLoader.builder()
                    .schemaJson(json)
                    .draftV7Support()
                    .schemaClient(url -> {
                        throw new UncheckedIOException(new java.io.IOException("no document supplied for $ref \"" + url
                                + "\": pass it in the candidate's references"));
                    })
                    .build()
                    .load()
                    .build();
        } catch (SchemaException | JSONException | UncheckedIOException e) {
            throw new SchemaNotComparableException(version, e.getMessage(), e);
        }
    }

    /** The two documents and which of them is the earlier version. */
    private record Context(JsonNode reader, JsonNode writer, Direction direction, String version) {
        boolean backward() {
            return direction == Direction.BACKWARD;
        }

        /** A value as it is in the earlier version / the new schema, from Apicurio's writer/reader sides. */
        String oldValue(Difference difference) {
            return show(backward() ? difference.getSubSchemaOriginal() : difference.getSubSchemaUpdated());
        }

        String newValue(Difference difference) {
            return show(backward() ? difference.getSubSchemaUpdated() : difference.getSubSchemaOriginal());
        }

        CompatibilityFinding finding(String pointer, String change, String fix, DiffType type) {
            return new CompatibilityFinding(SchemaFormat.JSON, pointer, change, direction, version, fix, type.name());
        }
    }

    private static List<CompatibilityFinding> translate(Difference difference, Context context) {
        DiffType type = difference.getDiffType();
        List<String> segments = segments(difference.getPathUpdated());
        String keyword = !segments.isEmpty() && KEYWORDS.contains(segments.get(segments.size() - 1))
                ? segments.remove(segments.size() - 1)
                : "";
        String pointer = pointer(segments);
        boolean backward = context.backward();
        String version = context.version();

        if (type == DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED) {
            String member = String.valueOf(difference.getSubSchemaUpdated());
            String property = child(pointer, member);
            return List.of(
                    backward
                            ? context.finding(
                                    property,
                                    "property \"" + member + "\" became required (version " + version
                                            + " does not require it, so its records may lack it)",
                                    "make the new field optional: leave `" + member + "` out of \"required\"",
                                    type)
                            : context.finding(
                                    property,
                                    "property \"" + member + "\" is no longer required, but version " + version
                                            + " requires it",
                                    "keep `" + member + "` in \"required\" and keep writing it",
                                    type));
        }
        if (keyword.equals("propertySchemasAdded") || keyword.equals("propertySchemasRemoved")) {
            return propertySetChanged(keyword.equals("propertySchemasAdded"), pointer, type, context);
        }
        if (type == DiffType.OBJECT_TYPE_ADDITIONAL_PROPERTIES_TRUE_TO_FALSE) {
            return List.of(
                    backward
                            ? context.finding(
                                    pointer,
                                    "content model closed (\"additionalProperties\": false); version " + version
                                            + " was open, so its records may carry properties the new schema rejects",
                                    "keep \"additionalProperties\" open",
                                    type)
                            : context.finding(
                                    pointer,
                                    "content model opened; version " + version
                                            + " is closed (\"additionalProperties\": false) and rejects extra properties",
                                    "keep \"additionalProperties\": false as in version " + version,
                                    type));
        }
        if (type == DiffType.OBJECT_TYPE_ADDITIONAL_PROPERTIES_NARROWED
                || type == DiffType.OBJECT_TYPE_ADDITIONAL_PROPERTIES_SCHEMA_CHANGED) {
            String object = pointer.endsWith("/additionalProperties")
                    ? pointer.substring(0, pointer.length() - "/additionalProperties".length())
                    : pointer;
            return List.of(context.finding(
                    object.isEmpty() ? "#" : object,
                    "the schema of \"additionalProperties\" changed from " + context.oldValue(difference) + " to "
                            + context.newValue(difference) + (backward ? " (narrowed)" : " (widened)"),
                    "keep the \"additionalProperties\" schema of version " + version + "; declare new properties"
                            + " explicitly instead",
                    type));
        }
        if (type == DiffType.ENUM_TYPE_VALUES_MEMBER_REMOVED) {
            String value = show(difference.getSubSchemaOriginal());
            return List.of(
                    backward
                            ? context.finding(
                                    pointer,
                                    "enum value " + value + " removed",
                                    "keep the enum value `" + value + "`",
                                    type)
                            : context.finding(
                                    pointer,
                                    "enum value " + value + " added, which version " + version + " does not accept",
                                    "keep the enum values of version " + version
                                            + " (adding a value is BACKWARD compatible only)",
                                    type));
        }
        if (type.name().startsWith("COMBINED_TYPE_") && type.name().endsWith("_SIZE_DECREASED")) {
            String combiner =
                    type.name().contains("ONE_OF") ? "oneOf" : type.name().contains("ANY_OF") ? "anyOf" : "allOf";
            return List.of(
                    backward
                            ? context.finding(
                                    pointer,
                                    combiner + " branch removed (" + context.oldValue(difference) + " → "
                                            + context.newValue(difference) + " branches)",
                                    "keep every " + combiner + " branch of version " + version,
                                    type)
                            : context.finding(
                                    pointer,
                                    combiner + " branch added (" + context.oldValue(difference) + " → "
                                            + context.newValue(difference) + " branches), which version " + version
                                            + " cannot read",
                                    "keep the " + combiner + " branches of version " + version
                                            + " (adding a branch is BACKWARD compatible only)",
                                    type));
        }
        if (type == DiffType.NUMBER_TYPE_INTEGER_REQUIRED_FALSE_TO_TRUE) {
            return List.of(
                    backward
                            ? context.finding(
                                    pointer, "type narrowed from number to integer", "keep \"type\": \"number\"", type)
                            : context.finding(
                                    pointer,
                                    "type widened from integer to number, which version " + version
                                            + " (integer) cannot read",
                                    "keep \"type\": \"integer\" (widening is BACKWARD compatible only)",
                                    type));
        }
        if (type == DiffType.SUBSCHEMA_TYPE_CHANGED || type == DiffType.COMBINED_TYPE_SUBSCHEMA_NOT_COMPATIBLE) {
            List<CompatibilityFinding> enumChanges = enumValuesChanged(pointer, type, context);
            if (!enumChanges.isEmpty()) {
                return enumChanges;
            }
            String old = oldSchema(pointer, context);
            String updated = newSchema(pointer, context);
            return List.of(context.finding(
                    pointer,
                    "schema changed from " + old + " to " + updated,
                    "keep the type of version " + version + "; to change it, add a new optional property"
                            + " and deprecate this one",
                    type));
        }
        if (!keyword.isEmpty() && !keyword.equals("type")) {
            return List.of(context.finding(
                    pointer,
                    "\"" + keyword + "\" changed from " + context.oldValue(difference) + " to "
                            + context.newValue(difference) + " (" + type.getDescription() + ")",
                    "keep \"" + keyword + "\" as in version " + version + " ("
                            + (backward
                                    ? "tightening a constraint is FORWARD compatible only"
                                    : "loosening a constraint is BACKWARD compatible only")
                            + ")",
                    type));
        }
        return List.of(context.finding(
                pointer,
                type.getDescription() + ": " + context.oldValue(difference) + " → " + context.newValue(difference),
                "keep this part of the schema as in version " + version,
                type));
    }

    /**
     * Apicurio reports added or removed properties of an object as one difference without their
     * names; the names come from comparing the two documents at that object.
     */
    private static List<CompatibilityFinding> propertySetChanged(
            boolean readerHasMore, String pointer, DiffType type, Context context) {
        Set<String> readerProperties = propertyNames(resolve(context.reader(), pointer));
        Set<String> writerProperties = propertyNames(resolve(context.writer(), pointer));
        Set<String> names = new TreeSet<>(readerHasMore ? readerProperties : writerProperties);
        names.removeAll(readerHasMore ? writerProperties : readerProperties);
        boolean backward = context.backward();
        String version = context.version();
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (String name : names.isEmpty() ? Set.of("?") : names) {
            String property = child(pointer, name);
            if (readerHasMore) {
                // The reader declares a property the writer left to its open content model.
                findings.add(
                        backward
                                ? context.finding(
                                        property,
                                        "property \"" + name + "\" added to an open content model:" + " version "
                                                + version + " allows any value under \"" + name + "\"",
                                        "adding a property is BACKWARD compatible only when the earlier version is closed"
                                                + " (\"additionalProperties\": false); otherwise give `" + name
                                                + "` a schema that"
                                                + " accepts any value, or add it under a new subject",
                                        type)
                                : context.finding(
                                        property,
                                        "property \"" + name + "\" removed, and the new schema's open"
                                                + " content model lets records carry any value under it, which version "
                                                + version
                                                + " constrains",
                                        "keep the property `" + name
                                                + "` declared (deprecate it in its \"description\")",
                                        type));
            } else {
                // The writer declares a property the reader's closed content model rejects.
                findings.add(
                        backward
                                ? context.finding(
                                        property,
                                        "property \"" + name + "\" removed from a closed content model"
                                                + " (\"additionalProperties\": false): records of version " + version
                                                + " that carry it are rejected",
                                        "keep the property `" + name + "`, or keep \"additionalProperties\" open",
                                        type)
                                : context.finding(
                                        property,
                                        "property \"" + name + "\" added, but version " + version
                                                + " has a closed content model (\"additionalProperties\": false) and rejects it",
                                        "keep \"additionalProperties\" open in schemas you mean to extend under FORWARD or FULL;"
                                                + " with a closed model, adding properties is BACKWARD compatible only",
                                        type));
            }
        }
        return findings;
    }

    /**
     * A {@code {"type": ..., "enum": [...]}} schema is a combined schema to the rules, which report a
     * changed value set only as "subschema not compatible"; the values come from the documents.
     */
    private static List<CompatibilityFinding> enumValuesChanged(String pointer, DiffType type, Context context) {
        JsonNode readerEnum = resolve(context.reader(), pointer).path("enum");
        JsonNode writerEnum = resolve(context.writer(), pointer).path("enum");
        if (!readerEnum.isArray() || !writerEnum.isArray()) {
            return List.of();
        }
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (JsonNode value : writerEnum) {
            if (!contains(readerEnum, value)) {
                String shown = value.isTextual() ? value.asText() : value.toString();
                findings.add(
                        context.backward()
                                ? context.finding(
                                        pointer,
                                        "enum value " + shown + " removed",
                                        "keep the enum value `" + shown + "`",
                                        type)
                                : context.finding(
                                        pointer,
                                        "enum value " + shown + " added, which version " + context.version()
                                                + " does not accept",
                                        "keep the enum values of version " + context.version()
                                                + " (adding a value is BACKWARD compatible only)",
                                        type));
            }
        }
        return findings;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Path segments without Apicurio's bracketed annotations, with {@code allItemSchema} as {@code items}. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        // Apicurio annotates paths with bracketed notes such as "[ref #/properties/a]" or "[size]".
        String plain = Objects.requireNonNullElse(path, "").replaceAll("\\[[^\\]]*\\]", "");
        for (String segment : plain.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            segments.add(
                    switch (segment) {
                        case "allItemSchema" -> "items";
                        case "schemaOfAdditionalItems" -> "additionalProperties"; // Apicurio's name for it on objects
                        default -> segment;
                    });
        }
        return segments;
    }

    private static String pointer(List<String> segments) {
        return segments.isEmpty() ? "#" : "#/" + String.join("/", segments);
    }

    private static String child(String pointer, String property) {
        return pointer + "/properties/" + property.replace("~", "~0").replace("/", "~1");
    }

    private static String oldSchema(String pointer, Context context) {
        return compact(resolve(context.backward() ? context.writer() : context.reader(), pointer));
    }

    private static String newSchema(String pointer, Context context) {
        return compact(resolve(context.backward() ? context.reader() : context.writer(), pointer));
    }

    private static String compact(JsonNode node) {
        if (node.isMissingNode()) {
            return "(absent)";
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("description", "title", "$comment"));
        }
        return copy.toString();
    }

    /** Navigates a bundled document along a pointer, following its {@code $ref}s on the way. */
    private static JsonNode resolve(JsonNode document, String pointer) {
        // A bundle refers only inside itself: the catalog's resolution of a one-document graph.
        SchemaGraph bundle = SchemaGraph.ofDocument(BUNDLE, document);
        JsonNode current = document;
        List<String> parts = pointer.equals("#")
                ? List.of()
                : Arrays.asList(pointer.substring(2).split("/"));
        for (String part : parts) {
            current = followRefs(bundle, current);
            String name = part.replace("~1", "/").replace("~0", "~");
            current = current.isArray() && name.chars().allMatch(Character::isDigit)
                    ? current.path(Integer.parseInt(name))
                    : current.path(name);
        }
        return followRefs(bundle, current);
    }

    private static JsonNode followRefs(SchemaGraph bundle, JsonNode node) {
        return bundle.follow(new SchemaGraph.Resolved(BUNDLE, "", node)).node();
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String show(Object value) {
        String text = String.valueOf(value);
        if (value == null || text.equals("null")) {
            return "none";
        }
        Matcher wrapper = WRAPPER.matcher(text);
        return wrapper.matches() ? wrapper.group(1) : text;
    }
}
