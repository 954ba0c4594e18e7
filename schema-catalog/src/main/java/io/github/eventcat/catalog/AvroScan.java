package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an Avro schema's JSON before Avro parses it, to learn which named types the file defines
 * and which it uses, each with its JSON pointer. Avro's parser stops at the first error and says
 * neither the file nor the place; this scan lets the loader resolve names across files and report
 * structural mistakes (invalid names, duplicate fields, unknown types) where they are.
 */
final class AvroScan {
    static final Set<String> PRIMITIVES =
            Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

    /** A named type the file defines. */
    record Definition(String fullName, String kind, String pointer) {}

    /**
     * A use of a named type: the full names it may mean, in Avro's lookup order (enclosing namespace
     * first, then the name as written).
     */
    record Use(String written, List<String> candidates, String pointer) {}

    /** A mistake found by the scan, at a JSON pointer. */
    record Mistake(String pointer, String message) {}

    private final List<Definition> definitions = new ArrayList<>();
    private final List<Use> uses = new ArrayList<>();
    private final List<Mistake> mistakes = new ArrayList<>();
    private int fieldCount;

    static AvroScan of(JsonNode root) {
        AvroScan scan = new AvroScan();
        scan.type(root, "", "");
        if (scan.fieldCount > CatalogLimits.MAX_FIELDS_PER_FILE) {
            scan.mistake(
                    "",
                    "the records of this file have " + CatalogLimits.format(scan.fieldCount)
                            + " fields together, more than the limit of "
                            + CatalogLimits.format(CatalogLimits.MAX_FIELDS_PER_FILE)
                            + " per file: split the schema into several files");
        }
        return scan;
    }

    List<Definition> definitions() {
        return definitions;
    }

    List<Use> uses() {
        return uses;
    }

    List<Mistake> mistakes() {
        return mistakes;
    }

    /** Definitions by full name. */
    Map<String, Definition> definitionsByName() {
        Map<String, Definition> byName = new HashMap<>();
        definitions.forEach(d -> byName.putIfAbsent(d.fullName(), d));
        return byName;
    }

    private void type(JsonNode node, String pointer, String namespace) {
        if (node.isTextual()) {
            use(node.asText(), pointer, namespace);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                type(node.get(i), pointer + "/" + i, namespace);
            }
        } else if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type == null) {
                mistake(pointer, "a schema object without \"type\": add \"type\" (e.g. \"record\", \"string\")");
            } else if (!type.isTextual()) {
                type(type, pointer + "/type", namespace);
            } else {
                switch (type.asText()) {
                    case "record", "error" -> record(node, pointer, namespace);
                    case "enum" -> enumType(node, pointer, namespace);
                    case "fixed" -> define(node, pointer, namespace, "fixed");
                    case "array" -> child(node, pointer, namespace, "items");
                    case "map" -> child(node, pointer, namespace, "values");
                    default -> use(type.asText(), pointer + "/type", namespace);
                }
            }
        } else {
            mistake(pointer, "not an Avro schema: " + node + " — write a type name, an object or a union");
        }
    }

    private void enumType(JsonNode node, String pointer, String namespace) {
        define(node, pointer, namespace, "enum");
        JsonNode symbols = node.get("symbols");
        if (symbols != null && symbols.isArray() && symbols.size() > CatalogLimits.MAX_ENUM_SYMBOLS) {
            mistake(
                    pointer + "/symbols",
                    "enum \"" + node.path("name").asText() + "\" has " + CatalogLimits.format(symbols.size())
                            + " symbols, more than the limit of " + CatalogLimits.format(CatalogLimits.MAX_ENUM_SYMBOLS)
                            + ": a Java enum of more constants does not compile; use a string instead");
        }
    }

    private void child(JsonNode node, String pointer, String namespace, String key) {
        JsonNode child = node.get(key);
        if (child == null) {
            mistake(pointer, "an " + node.get("type").asText() + " without \"" + key + "\": add it");
        } else {
            type(child, pointer + "/" + key, namespace);
        }
    }

    private void record(JsonNode node, String pointer, String namespace) {
        String inner = define(node, pointer, namespace, "record");
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isArray()) {
            mistake(pointer, "a record needs a \"fields\" array");
            return;
        }
        fieldCount += fields.size();
        if (fields.size() > CatalogLimits.MAX_FIELDS_PER_RECORD) {
            // Checked before the fields are: a record this large is refused, not read field by field.
            mistake(
                    pointer + "/fields",
                    "record \"" + node.path("name").asText() + "\" has "
                            + CatalogLimits.format(fields.size()) + " fields, more than the limit of "
                            + CatalogLimits.format(CatalogLimits.MAX_FIELDS_PER_RECORD)
                            + ": split it into smaller records");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String fieldPointer = pointer + "/fields/" + i;
            JsonNode name = field.get("name");
            if (name == null || !name.isTextual()) {
                mistake(fieldPointer, "a field without a \"name\": add one");
            } else if (!isName(name.asText(), 0, name.asText().length())) {
                mistake(fieldPointer + "/name", invalidName("field name", name.asText()));
            } else {
                Integer first = seen.putIfAbsent(name.asText(), i);
                if (first != null) {
                    mistake(
                            fieldPointer + "/name",
                            "duplicate field \""
                                    + name.asText()
                                    + "\" (also at "
                                    + "#" + pointer + "/fields/" + first
                                    + "): field names must be unique within a record — rename or remove one");
                }
            }
            JsonNode fieldType = field.get("type");
            if (fieldType == null) {
                mistake(fieldPointer, "field " + name + " has no \"type\": add one");
            } else {
                type(fieldType, fieldPointer + "/type", inner);
            }
        }
    }

    /** Records a named type definition; returns the namespace its nested types inherit. */
    private String define(JsonNode node, String pointer, String namespace, String kind) {
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual()) {
            mistake(pointer, "a " + kind + " without a \"name\": add one");
            return namespace;
        }
        String name = nameNode.asText();
        String inner;
        String fullName;
        if (name.contains(".")) {
            fullName = name;
            inner = name.substring(0, name.lastIndexOf('.'));
        } else {
            JsonNode ns = node.get("namespace");
            inner = ns != null && ns.isTextual() ? ns.asText() : namespace;
            fullName = inner.isEmpty() ? name : inner + "." + name;
        }
        for (int start = 0, dot; start <= fullName.length(); start = dot + 1) {
            dot = fullName.indexOf('.', start);
            if (dot < 0) {
                dot = fullName.length();
            }
            if (!isName(fullName, start, dot)) {
                mistake(pointer + "/name", invalidName(kind + " name", fullName));
                return inner;
            }
        }
        definitions.add(new Definition(fullName, kind, pointer));
        return inner;
    }

    /**
     * Whether {@code text[start, end)} is an Avro name: a letter or {@code _}, then letters, digits
     * and {@code _} (ASCII only), as the regular expression {@code [A-Za-z_][A-Za-z0-9_]*} says.
     */
    static boolean isName(String text, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == start || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private void use(String written, String pointer, String namespace) {
        if (PRIMITIVES.contains(written)) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        if (!written.contains(".") && !namespace.isEmpty()) {
            candidates.add(namespace + "." + written);
        }
        candidates.add(written);
        uses.add(new Use(written, candidates, pointer));
    }

    private void mistake(String pointer, String message) {
        mistakes.add(new Mistake(pointer, message));
    }

    private static String invalidName(String what, String name) {
        return "invalid "
                + what
                + " \""
                + name
                + "\": each dot-separated part must start with a letter or _ and contain only letters,"
                + " digits and _";
    }
}
