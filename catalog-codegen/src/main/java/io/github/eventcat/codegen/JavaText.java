package io.github.eventcat.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog text (docs, descriptions, titles, property names, file names) made inert before it
 * goes into a generated comment. The one place every writer goes through.
 *
 * <p>Why more than {@code *}{@code /}: javac translates Unicode escapes (a backslash, {@code u}
 * and four hex digits) before it finds comments and string literals, so an escaped comment end,
 * brace or line break in a doc would end the comment and become code. Comments therefore get no
 * backslash at all ({@code &#92;}), no comment end, no Javadoc tag ({@code &#64;},
 * {@code &#123;&#64;}), no HTML, and no control character but line feed and tab. The mapping is
 * one-to-one (every {@code &} is escaped too), so the original text can be told from the inert
 * one.
 *
 * <p>String literals need nothing here: JavaPoet's {@code $S} doubles every backslash, so a
 * backslash before a {@code u} always follows an odd number of backslashes and javac never reads
 * an escape there (see {@code CodeInjectionTest}).
 */
final class JavaText {
    /**
     * The most bytes of modified UTF-8 a generated string constant holds. A class file holds at
     * most 65,535 (JVM specification 4.4.7), and javac refuses a constant of 65,535 characters or
     * more ("constant string too long"): at most 65,534 bytes keeps a part under both, since every
     * character takes at least one byte.
     */
    static final int MAX_CONSTANT_BYTES = 65_534;

    private JavaText() {}

    /** Text for Javadoc or a comment: shows the same words, means nothing to javac or javadoc. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\' -> out.append("&#92;");
                case '@' -> out.append("&#64;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
                default -> {
                    if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                        out.append(c);
                    } else {
                        out.append("&#").append((int) c).append(';'); // a CR would end a line comment
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The Java string literal JavaPoet's {@code $S} makes of {@code text}: the same escapes, and
     * after every line feed but a last one the literal continues on a new line indented by two
     * levels of {@code indent} ({@code "...\n"} then {@code + "..."}). Emitted with {@code $L}, it
     * gives the same bytes as {@code $S}, made once rather than a character at a time in each of
     * JavaPoet's two passes over a file: for long texts such as the catalog's schema files.
     */
    static String stringLiteral(String text, String indent) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 2);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
            if (c == '\n' && i + 1 < text.length()) {
                out.append("\"\n").append(indent).append(indent).append("+ \"");
            }
        }
        return out.append('"').toString();
    }

    /**
     * A Java expression whose value is {@code text}: its {@link #stringLiteral} when that fits one
     * class file constant, otherwise {@code String.join("", ...)} of the literals of its {@link
     * #constantParts}, joined when the class initializes, so that javac takes a schema file of any
     * size.
     */
    static String stringExpression(List<String> parts, String indent) {
        if (parts.size() == 1) {
            return stringLiteral(parts.get(0), indent);
        }
        StringBuilder out = new StringBuilder("String.join(\"\"");
        for (String part : parts) {
            out.append(",\n").append(indent).append(indent).append(stringLiteral(part, indent + indent));
        }
        return out.append(')').toString();
    }

    /**
     * {@code text} cut into parts that each fit a class file constant ({@value #MAX_CONSTANT_BYTES}
     * bytes of modified UTF-8); one part when it fits whole. A part ends after the last line feed
     * that lets it fit, or where the text no longer fits when a line alone does not, and never
     * between the two halves of a surrogate pair.
     */
    static List<String> constantParts(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int afterLineFeed = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = modifiedUtf8Length(c);
            if (bytes + size > MAX_CONSTANT_BYTES) {
                int end = afterLineFeed > start ? afterLineFeed : i;
                if (end == i && Character.isLowSurrogate(c) && Character.isHighSurrogate(text.charAt(i - 1))) {
                    end--;
                }
                parts.add(text.substring(start, end));
                start = end;
                afterLineFeed = -1;
                bytes = modifiedUtf8Length(text, start, i);
            }
            bytes += size;
            if (c == '\n') {
                afterLineFeed = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The length of {@code text[start, end)} in modified UTF-8, as a class file stores strings. */
    static int modifiedUtf8Length(String text, int start, int end) {
        int bytes = 0;
        for (int i = start; i < end; i++) {
            bytes += modifiedUtf8Length(text.charAt(i));
        }
        return bytes;
    }

    /** NUL takes two bytes, as does U+0080 to U+07FF; each half of a surrogate pair takes three. */
    private static int modifiedUtf8Length(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
}
