package io.github.eventcat.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as block-style YAML, straight into a buffer: the AsyncAPI document is mostly
 * schemas, and a general YAML emitter (SnakeYAML behind Jackson's YAML module) analysed every
 * scalar for every possible style, which took most of the docs' time on a large catalog. This
 * writes a scalar plain only when it is a word, a sentence or a path that every YAML 1.1 and 1.2 reader reads
 * back as the same string (not a number, boolean, null or date, no indicator), and otherwise
 * double-quoted with JSON-style escapes, so catalog text cannot change the document's structure.
 */
final class Yaml {
    private static final Set<String> RESERVED =
            Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");
    /** A version such as 1.0.0 or 2.3.0-SNAPSHOT: no YAML number, date or time has two dots after digits. */
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+[A-Za-z0-9.-]*");

    private final StringBuilder out;

    private Yaml(StringBuilder out) {
        this.out = out;
    }

    /** The document for a JSON object. */
    static void write(JsonNode root, StringBuilder out) {
        new Yaml(out).mapping(root, 0, false);
    }

    private void mapping(JsonNode object, int indent, boolean firstOnCurrentLine) {
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!(first && firstOnCurrentLine)) {
                indent(indent);
            }
            first = false;
            scalar(member.getKey());
            out.append(':');
            value(member.getValue(), indent);
        }
    }

    /** After {@code key:}: a scalar on the same line, or a nested block on the next lines. */
    private void value(JsonNode value, int indent) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            mapping(value, indent + 2, false);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            sequence(value, indent);
        } else {
            out.append(' ');
            leaf(value);
            out.append('\n');
        }
    }

    private void sequence(JsonNode array, int indent) {
        for (JsonNode item : array) {
            indent(indent);
            if (item.isObject() && !item.isEmpty()) {
                out.append("- ");
                mapping(item, indent + 2, true);
            } else if (item.isArray() && !item.isEmpty()) {
                out.append("-\n");
                sequence(item, indent + 2);
            } else {
                out.append("- ");
                leaf(item);
                out.append('\n');
            }
        }
    }

    private void leaf(JsonNode node) {
        if (node.isTextual()) {
            scalar(node.textValue());
        } else if (node.isObject()) {
            out.append("{}");
        } else if (node.isArray()) {
            out.append("[]");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            out.append(node.asText()); // numbers and booleans as JSON writes them
        }
    }

    private void indent(int indent) {
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
    }

    private void scalar(String text) {
        if (plain(text)) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20
                            || (c >= 0x7f && c <= 0x9f)
                            || c == '\u2028'
                            || c == '\u2029'
                            || c == '\uFEFF'
                            || Character.isSurrogate(c) && !validPair(text, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** Whether the text reads back as itself without quotes, in any YAML reader. */
    static boolean plain(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) == ' ') {
            return false;
        }
        char first = text.charAt(0);
        if (first >= '0' && first <= '9') {
            if (!VERSION.matcher(text).matches()) {
                return false;
            }
        } else if (!((first >= 'a' && first <= 'z')
                || (first >= 'A' && first <= 'Z')
                || first == '_'
                || first == '$'
                || first == '/')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '/'
                    || c == '+'
                    || c == '='
                    || c == ';'
                    || c == '$'
                    || c == ','
                    || c == '('
                    || c == ')'
                    || c == '\''
                    || c == '~'
                    || c == '@'
                    || (c == ' ' && text.charAt(i - 1) != ' ');
            if (!ok) {
                return false;
            }
        }
        return text.length() > 5 || !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    }
}
