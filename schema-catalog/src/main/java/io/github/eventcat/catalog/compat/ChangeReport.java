package io.github.eventcat.catalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * What changed between the latest baseline and the current catalog, as Markdown short enough to
 * paste in a pull request: topics and events added or removed, and per changed subject its fields
 * added, removed or changed (type, default, doc) with the gate's verdict under the subject's level.
 * Deterministic: everything sorted, no timestamps.
 */
public final class ChangeReport {
    private static final int DOC_LENGTH = 60;

    private ChangeReport() {}

    /** A field as the report compares it. */
    private record FieldInfo(String type, String defaultValue, String doc) {}

    /**
     * The report.
     *
     * @param baselineLabel how the baseline is named, e.g. {@code 1.0}
     * @param result the gate's result, for each subject's verdict
     */
    public static String markdown(
            Catalog baseline,
            String baselineLabel,
            Catalog current,
            CompatibilityGateResult result,
            String shownCatalogDirectory) {
        StringBuilder out = new StringBuilder("## Catalog changes against ")
                .append(baselineLabel)
                .append("\n\n");
        out.append(result.isCompatible() ? "Compatible: " : "**Breaking**: ")
                .append(result.summary())
                .append("\n");
        int before = out.length();
        listed(out, "Topics added", names(current.topics()), names(baseline.topics()));
        listed(out, "Topics removed", names(baseline.topics()), names(current.topics()));
        listed(out, "Events added", events(current), events(baseline));
        listed(out, "Events removed", events(baseline), events(current));
        Map<String, SubjectCheck> checks = new TreeMap<>();
        result.checks().forEach(check -> checks.put(check.subject(), check));
        Map<String, Subject> old = bySubject(baseline);
        int unchanged = 0;
        for (Subject subject : bySubject(current).values()) {
            Subject previous = old.get(subject.name());
            if (previous == null) {
                out.append("\n### `")
                        .append(subject.name())
                        .append("` — new\n\n")
                        .append(shownFile(shownCatalogDirectory, subject.schemaFile()))
                        .append(": nothing to check against.\n");
                continue;
            }
            Map<String, FieldInfo> was = fields(baseline, previous.schemaFile());
            Map<String, FieldInfo> is = fields(current, subject.schemaFile());
            SubjectCheck check = checks.get(subject.name());
            boolean breaking = check != null && !check.report().isCompatible();
            if (was.equals(is) && !breaking) {
                unchanged++;
                continue;
            }
            out.append("\n### `")
                    .append(subject.name())
                    .append("` — ")
                    .append(verdict(check, subject))
                    .append("\n\n")
                    .append(shownFile(shownCatalogDirectory, subject.schemaFile()))
                    .append("\n");
            List<String> rows = diff(was, is);
            if (!rows.isEmpty()) {
                out.append("\n| Change | Field | Before | After |\n|---|---|---|---|\n");
                rows.forEach(row -> out.append(row).append('\n'));
            }
            if (breaking) {
                out.append('\n');
                check.report()
                        .findings()
                        .forEach(f -> out.append("- ").append(f.message()).append('\n'));
            }
        }
        // Files used only through references (Avro named types, JSON Schema $refs) are no subject of
        // their own: their field changes are listed per file, under the subjects' verdicts.
        Set<String> subjectFiles = new TreeSet<>();
        current.subjects()
                .forEach(subject -> subjectFiles.add(subject.schemaFile().path()));
        for (SchemaFile file : current.schemaFiles()) {
            Optional<SchemaFile> previous = baseline.schemaFile(file.path());
            if (subjectFiles.contains(file.path())
                    || previous.isEmpty()
                    || previous.get().format() != file.format()) {
                continue;
            }
            List<String> rows = diff(fields(baseline, previous.get()), fields(current, file));
            if (!rows.isEmpty()) {
                out.append("\n### ")
                        .append(shownFile(shownCatalogDirectory, file))
                        .append(" — referenced schema\n")
                        .append("\n| Change | Field | Before | After |\n|---|---|---|---|\n");
                rows.forEach(row -> out.append(row).append('\n'));
            }
        }
        Set<String> currentNames = bySubject(current).keySet();
        for (Subject removed : old.values()) {
            if (!currentNames.contains(removed.name())) {
                SubjectCheck check = checks.get(removed.name());
                out.append("\n### `")
                        .append(removed.name())
                        .append("` — removed")
                        .append(check != null && !check.report().isCompatible() ? " (breaking)" : " (allowed)")
                        .append("\n");
            }
        }
        if (out.length() == before) {
            out.append("\nNo changes.\n");
        } else if (unchanged > 0) {
            out.append("\n")
                    .append(unchanged)
                    .append(unchanged == 1 ? " subject" : " subjects")
                    .append(" unchanged.\n");
        }
        return out.toString();
    }

    private static String verdict(SubjectCheck check, Subject subject) {
        if (check == null) {
            return "not checked";
        }
        CompatibilityReport report = check.report();
        return report.isCompatible()
                ? "compatible under " + report.level()
                : "**breaks " + report.level() + "** (" + report.findings().size()
                        + (report.findings().size() == 1 ? " finding" : " findings") + ")";
    }

    private static void listed(StringBuilder out, String title, Set<String> in, Set<String> notIn) {
        Set<String> items = new TreeSet<>(in);
        items.removeAll(notIn);
        if (!items.isEmpty()) {
            out.append("\n**").append(title).append("**: ");
            out.append(String.join(
                            ", ", items.stream().map(item -> "`" + item + "`").toList()))
                    .append("\n");
        }
    }

    private static Set<String> names(List<Topic> topics) {
        Set<String> names = new TreeSet<>();
        topics.forEach(t -> names.add(t.name()));
        return names;
    }

    private static Set<String> events(Catalog catalog) {
        Set<String> names = new TreeSet<>();
        catalog.events().forEach((Event e) -> names.add(e.recordFullName()));
        return names;
    }

    private static Map<String, Subject> bySubject(Catalog catalog) {
        Map<String, Subject> subjects = new TreeMap<>();
        catalog.subjects().forEach(s -> subjects.put(s.name(), s));
        return subjects;
    }

    private static List<String> diff(Map<String, FieldInfo> was, Map<String, FieldInfo> is) {
        Set<String> paths = new TreeSet<>(was.keySet());
        paths.addAll(is.keySet());
        List<String> rows = new ArrayList<>();
        for (String path : paths) {
            FieldInfo before = was.get(path);
            FieldInfo after = is.get(path);
            if (before == null) {
                rows.add(row("added", path, "", describe(after)));
            } else if (after == null) {
                rows.add(row("removed", path, describe(before), ""));
            } else if (!before.equals(after)) {
                List<String> was2 = new ArrayList<>();
                List<String> is2 = new ArrayList<>();
                if (!before.type().equals(after.type())) {
                    was2.add(before.type());
                    is2.add(after.type());
                }
                if (!before.defaultValue().equals(after.defaultValue())) {
                    was2.add("default " + orNone(before.defaultValue()));
                    is2.add("default " + orNone(after.defaultValue()));
                }
                if (!before.doc().equals(after.doc())) {
                    was2.add(doc(before.doc()));
                    is2.add(doc(after.doc()));
                }
                rows.add(row("changed", path, String.join("; ", was2), String.join("; ", is2)));
            }
        }
        return rows;
    }

    private static String describe(FieldInfo info) {
        return info.type() + (info.defaultValue().isEmpty() ? "" : "; default " + info.defaultValue());
    }

    private static String orNone(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private static String doc(String doc) {
        return doc.isEmpty()
                ? "no doc"
                : "doc \"" + (doc.length() <= DOC_LENGTH ? doc : doc.substring(0, DOC_LENGTH - 1) + "…") + "\"";
    }

    private static String row(String change, String path, String before, String after) {
        return "| " + change + " | `" + path + "` | " + cell(before) + " | " + cell(after) + " |";
    }

    private static String cell(String text) {
        return text.isEmpty() ? "" : "`" + text.replace("|", "\\|").replace("`", "'") + "`";
    }

    /** Every field of the file's records (nested ones as {@code outer.inner}), by path. */
    private static Map<String, FieldInfo> fields(Catalog catalog, SchemaFile file) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        if (file.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(file);
            if (schema.getType() == Schema.Type.UNION) {
                for (Schema branch : schema.getTypes()) {
                    avro(branch, branch.getName() + ".", fields, new HashSet<>());
                }
            } else {
                avro(schema, "", fields, new HashSet<>());
            }
        } else {
            JsonNode root = catalog.jsonSchema(file);
            JsonNode oneOf = root.get("oneOf");
            if (oneOf != null && oneOf.isArray() && !root.has("properties")) {
                for (int i = 0; i < oneOf.size(); i++) {
                    json(oneOf.get(i), oneOf.get(i).path("title").asText("#" + i) + ".", fields);
                }
            } else {
                json(root, "", fields);
            }
        }
        return fields;
    }

    private static void avro(Schema record, String prefix, Map<String, FieldInfo> fields, Set<String> visiting) {
        if (record.getType() != Schema.Type.RECORD || !visiting.add(record.getFullName())) {
            return;
        }
        for (Schema.Field field : record.getFields()) {
            String path = prefix + field.name();
            fields.put(
                    path,
                    new FieldInfo(
                            avroType(field.schema()),
                            field.hasDefaultValue() ? avroDefault(field.defaultVal()) : "",
                            Objects.toString(field.doc(), "")));
            for (Schema nested : nested(field.schema())) {
                avro(nested, path + ".", fields, visiting);
            }
        }
        visiting.remove(record.getFullName());
    }

    private static List<Schema> nested(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> List.of(schema);
            case ARRAY -> nested(schema.getElementType());
            case MAP -> nested(schema.getValueType());
            case UNION ->
                schema.getTypes().stream().flatMap(t -> nested(t).stream()).toList();
            default -> List.of();
        };
    }

    private static String avroType(Schema schema) {
        return switch (schema.getType()) {
            case UNION ->
                schema.getTypes().stream().map(ChangeReport::avroType).toList().toString();
            case RECORD -> schema.getFullName();
            case ENUM -> "enum " + schema.getName() + " " + schema.getEnumSymbols();
            case FIXED -> "fixed " + schema.getName() + "(" + schema.getFixedSize() + ")" + logical(schema);
            case ARRAY -> "array<" + avroType(schema.getElementType()) + ">";
            case MAP -> "map<" + avroType(schema.getValueType()) + ">";
            default -> schema.getType().getName() + logical(schema);
        };
    }

    private static String logical(Schema schema) {
        if (schema.getLogicalType() == null) {
            return schema.getProp("logicalType") == null ? "" : " (" + schema.getProp("logicalType") + ")";
        }
        String name = schema.getLogicalType().getName();
        if (name.equals("decimal")) {
            return " (decimal(" + schema.getObjectProp("precision") + ", "
                    + Objects.toString(schema.getObjectProp("scale"), "0") + "))";
        }
        return " (" + name + ")";
    }

    private static String avroDefault(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        return value instanceof CharSequence ? "\"" + value + "\"" : value.toString();
    }

    private static void json(JsonNode object, String prefix, Map<String, FieldInfo> fields) {
        JsonNode properties = object.path("properties");
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String path = prefix + property.getKey();
            JsonNode value = property.getValue();
            String type = jsonType(value) + (required.contains(property.getKey()) ? ", required" : "");
            fields.put(
                    path,
                    new FieldInfo(
                            type,
                            value.has("default") ? value.get("default").toString() : "",
                            value.path("description").asText("")));
            if (value.path("properties").isObject()) {
                json(value, path + ".", fields);
            } else if (value.path("items").path("properties").isObject()) {
                json(value.get("items"), path + "[].", fields);
            }
        }
    }

    private static String jsonType(JsonNode schema) {
        if (schema.has("$ref")) {
            return "$ref " + schema.get("$ref").asText();
        }
        StringBuilder type = new StringBuilder(
                schema.has("type") ? schema.get("type").toString().replace("\"", "") : "any");
        if (schema.has("format")) {
            type.append(" (").append(schema.get("format").asText()).append(')');
        }
        if (schema.has("enum")) {
            type.append(" enum ").append(schema.get("enum").toString().replace("\"", ""));
        }
        if (schema.has("items")) {
            type.append(" of ").append(jsonType(schema.get("items")));
        }
        return type.toString();
    }

    private static String shownFile(String directory, SchemaFile file) {
        String shown = directory.isEmpty() || directory.equals(".")
                ? file.path()
                : directory.replaceAll("/+$", "") + "/" + file.path();
        return "`" + shown + "`";
    }
}
