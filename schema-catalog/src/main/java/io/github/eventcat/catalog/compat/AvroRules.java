package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.SchemaFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Turns Avro's own reader/writer incompatibilities into findings that say where, what changed,
 * and how to fix it. The verdict is Avro's; only the words are ours.
 */
final class AvroRules {
    private AvroRules() {}

    static List<CompatibilityFinding> findings(
            Schema reader, Schema writer, Direction direction, String earlierVersion) {
        List<Incompatibility> incompatibilities = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult()
                .getIncompatibilities();
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (Incompatibility incompatibility : incompatibilities) {
            findings.add(translate(incompatibility, reader, writer, direction, earlierVersion));
        }
        return findings;
    }

    private static CompatibilityFinding translate(
            Incompatibility incompatibility, Schema reader, Schema writer, Direction direction, String version) {
        String path = fieldPath(reader, incompatibility.getLocation());
        // Avro reports a writer union branch by branch; the finding must name the whole union.
        Optional<Schema> writerUnion = writerUnionAt(reader, writer, incompatibility.getLocation());
        boolean backward = direction == Direction.BACKWARD;
        // In a BACKWARD check the reader is the new schema; in a FORWARD check it is version `version`.
        Schema oldFragment = backward ? incompatibility.getWriterFragment() : incompatibility.getReaderFragment();
        Schema newFragment = backward ? incompatibility.getReaderFragment() : incompatibility.getWriterFragment();
        String change;
        String fix;
        switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> {
                String field = incompatibility.getMessage();
                path = path.equals(".") ? field : path.endsWith(field) ? path : path + "." + field;
                if (backward) {
                    change = "field \"" + field + "\" added without a default";
                    fix = "add a default to field `" + field + "` (make the new field optional with a default:"
                            + " \"type\": [\"null\", …], \"default\": null); if it renames an old field, add the old"
                            + " name to its \"aliases\"";
                } else {
                    change = "field \"" + field + "\" removed, and version " + version + " has no default for it";
                    fix = "keep the field `" + field + "` (deprecate it in its \"doc\"), or first release a version"
                            + " that gives `" + field + "` a default and remove it once no consumer runs version "
                            + version;
                }
            }
            case MISSING_ENUM_SYMBOLS -> {
                String symbols = stripBrackets(incompatibility.getMessage());
                String enumName = oldFragment.getType() == Schema.Type.ENUM ? oldFragment.getFullName() : "?";
                if (backward) {
                    change = "enum symbol " + symbols + " removed from enum " + enumName;
                    fix = "keep the enum symbol `" + symbols
                            + "` or give the enum a default (\"default\": \"<symbol>\")"
                            + " so that readers map symbols they don't know to it";
                } else {
                    change = "enum symbol " + symbols + " added to enum " + enumName + ", which version " + version
                            + " does not know and has no enum default for";
                    fix = "don't add the symbol `" + symbols + "` yet: release a version that gives the enum a default"
                            + " first, and add symbols once no consumer runs version " + version;
                }
            }
            case TYPE_MISMATCH -> {
                if (writerUnion.isPresent()) {
                    Schema union = writerUnion.get();
                    Schema branch = incompatibility.getWriterFragment();
                    Schema readerType = incompatibility.getReaderFragment();
                    if (backward) {
                        change = "type changed from " + describe(union) + " to " + describe(readerType);
                        fix = "keep the " + describe(union) + " (" + describe(branch) + " values written with version "
                                + version + " have no place in " + describe(readerType)
                                + (branch.getType() == Schema.Type.NULL ? ", so readers of null values break)" : ")")
                                + REPLACE;
                    } else {
                        change = "type changed from " + describe(readerType) + " to " + describe(union);
                        fix = "keep the type " + describe(readerType) + " (consumers still on version " + version
                                + " cannot read the " + describe(branch) + " values the new union allows)" + REPLACE;
                    }
                } else {
                    change = "type changed from " + describe(oldFragment) + " to " + describe(newFragment);
                    fix = typeFix(oldFragment, newFragment, backward, version);
                }
            }
            case MISSING_UNION_BRANCH -> {
                Schema readerUnion = incompatibility.getReaderFragment();
                Schema writerType = incompatibility.getWriterFragment();
                if (writerType.getType() == Schema.Type.UNION) {
                    // Both are unions: the location's last segment is the writer's branch the reader lacks.
                    String branch = describe(writerType.getTypes().get(lastIndex(incompatibility.getLocation())));
                    if (backward) {
                        change = "union branch " + branch + " removed from " + describe(writerType)
                                + " (values written as " + branch + " have no branch to go to)";
                        fix = "keep the branch `" + branch + "` in the union";
                    } else {
                        change = "union branch " + branch + " added to " + describe(readerUnion) + ", which version "
                                + version + " cannot read";
                        fix = "keep the union's branches as in version " + version + " (adding a branch is BACKWARD"
                                + " compatible only), or write the new values to a new field with a default";
                    }
                } else if (backward) {
                    change = "type changed from " + describe(writerType) + " to " + describe(readerUnion)
                            + ", which has no branch for " + describe(writerType);
                    fix = "keep the type " + describe(writerType) + ", or add " + describe(writerType)
                            + " to the union";
                } else {
                    change = "type changed from " + describe(readerUnion) + " to " + describe(writerType)
                            + ", which that union has no branch for";
                    fix = "keep the " + describe(readerUnion) + " or one of its types" + REPLACE;
                }
            }
            case NAME_MISMATCH -> {
                change = "named type renamed from " + oldFragment.getFullName() + " to " + newFragment.getFullName();
                fix = backward
                        ? "keep the name `" + oldFragment.getFullName() + "`, or add \"aliases\": [\""
                                + oldFragment.getFullName() + "\"] to the renamed type"
                        : "keep the name `" + oldFragment.getFullName() + "`: readers on version " + version
                                + " know only that name (aliases in the new schema don't help them)";
            }
            case FIXED_SIZE_MISMATCH -> {
                change = "fixed size changed from " + oldFragment.getFixedSize() + " to " + newFragment.getFixedSize();
                fix = "keep the size " + oldFragment.getFixedSize() + ", or add a new field with the new size";
            }
            default -> {
                change = incompatibility.getMessage();
                fix = "keep this part of the schema as in version " + version;
            }
        }
        return new CompatibilityFinding(
                SchemaFormat.AVRO,
                path,
                change,
                direction,
                version,
                fix,
                incompatibility.getType().name());
    }

    private static final Set<Schema.Type> PROMOTABLE =
            Set.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE);

    private static final String REPLACE =
            "; to change a type, add a new field of the new type with a default and deprecate this one";

    private static String typeFix(Schema oldType, Schema newType, boolean backward, String version) {
        String keep = "keep the type " + describe(oldType);
        String replace = REPLACE;
        if (newType.getType() == Schema.Type.NULL
                || oldType.getType() == Schema.Type.NULL
                || newType.getType() == Schema.Type.UNION
                || oldType.getType() == Schema.Type.UNION) {
            return keep + " (making a field nullable or non-nullable changes which values readers accept;"
                    + " nullable → non-null breaks new readers of old nulls, non-null → nullable breaks old"
                    + " readers of new nulls)" + replace;
        }
        if (PROMOTABLE.contains(oldType.getType()) && PROMOTABLE.contains(newType.getType())) {
            return backward
                    ? keep + ": Avro promotes int → long → float → double only towards the wider type, so the"
                            + " new reader cannot read " + describe(oldType) + " data as " + describe(newType) + replace
                    : keep + ": widening to " + describe(newType) + " is BACKWARD compatible only (readers on"
                            + " version " + version + " cannot read " + describe(newType) + ")" + replace;
        }
        return keep + replace;
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            case UNION ->
                "union " + schema.getTypes().stream().map(AvroRules::describe).toList();
            default ->
                schema.getLogicalType() == null
                        ? schema.getType().getName()
                        : schema.getType().getName() + " ("
                                + schema.getLogicalType().getName() + ")";
        };
    }

    /**
     * The dotted field path of an Avro location such as {@code /fields/2/type/fields/0/type}: field
     * names joined by dots, {@code []} for array items, {@code {}} for map values, {@code .} for the
     * top-level record.
     */
    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema current = reader;
        String[] segments = location.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || current == null) {
                continue;
            }
            switch (segment) {
                case "fields" -> {
                    if (i + 1 < segments.length
                            && isIndex(segments[i + 1])
                            && current.getType() == Schema.Type.RECORD) {
                        int position = Integer.parseInt(segments[++i]);
                        if (position >= current.getFields().size()) {
                            current = null;
                            continue;
                        }
                        Schema.Field field = current.getFields().get(position);
                        names.add(field.name());
                        current = field.schema();
                    }
                }
                case "items" -> {
                    names.add("[]");
                    current = current.getType() == Schema.Type.ARRAY ? current.getElementType() : null;
                }
                case "values" -> {
                    names.add("{}");
                    current = current.getType() == Schema.Type.MAP ? current.getValueType() : null;
                }
                default -> {
                    // A union index may count the writer's branches, which the reader need not have.
                    if (isIndex(segment) && current.getType() == Schema.Type.UNION) {
                        int branch = Integer.parseInt(segment);
                        current = branch < current.getTypes().size()
                                ? current.getTypes().get(branch)
                                : null;
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return ".";
        }
        return String.join(".", names).replace(".[]", "[]").replace(".{}", "{}");
    }

    /**
     * The writer's union when {@code location} ends at one of its branches: Avro checks a writer
     * union branch by branch, and ends the location with the branch's index. Field positions in the
     * location are the reader's, so the writer is followed by field name (or the reader field's
     * aliases).
     */
    static Optional<Schema> writerUnionAt(Schema reader, Schema writer, String location) {
        List<String> segments = new ArrayList<>(List.of(location.split("/")));
        segments.removeIf(String::isEmpty);
        if (segments.isEmpty() || !isIndex(segments.get(segments.size() - 1))) {
            return Optional.empty();
        }
        Schema r = reader;
        Schema w = writer;
        for (int i = 0; i < segments.size() - 1 && r != null && w != null; i++) {
            String segment = segments.get(i);
            if (segment.equals("fields") && isIndex(segments.get(i + 1))) {
                int position = Integer.parseInt(segments.get(++i));
                if (r.getType() != Schema.Type.RECORD
                        || w.getType() != Schema.Type.RECORD
                        || position >= r.getFields().size()) {
                    return Optional.empty();
                }
                Schema.Field readerField = r.getFields().get(position);
                Schema.Field writerField = writerField(w, readerField);
                r = readerField.schema();
                w = writerField == null ? null : writerField.schema();
            } else if (segment.equals("items")) {
                r = r.getType() == Schema.Type.ARRAY ? r.getElementType() : null;
                w = w.getType() == Schema.Type.ARRAY ? w.getElementType() : null;
            } else if (segment.equals("values")) {
                r = r.getType() == Schema.Type.MAP ? r.getValueType() : null;
                w = w.getType() == Schema.Type.MAP ? w.getValueType() : null;
            } else if (isIndex(segment)) {
                int branch = Integer.parseInt(segment);
                w = w.getType() == Schema.Type.UNION && branch < w.getTypes().size()
                        ? w.getTypes().get(branch)
                        : null;
            }
        }
        return w != null && w.getType() == Schema.Type.UNION ? Optional.of(w) : Optional.empty();
    }

    private static Schema.Field writerField(Schema writerRecord, Schema.Field readerField) {
        Schema.Field field = writerRecord.getField(readerField.name());
        if (field == null) {
            for (String alias : readerField.aliases()) {
                field = writerRecord.getField(alias);
                if (field != null) {
                    break;
                }
            }
        }
        return field;
    }

    private static int lastIndex(String location) {
        String last = location.substring(location.lastIndexOf('/') + 1);
        return isIndex(last) ? Integer.parseInt(last) : 0;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static String stripBrackets(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
