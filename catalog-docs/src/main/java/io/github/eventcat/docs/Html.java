package io.github.eventcat.docs;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for catalog text, which is untrusted: every piece of it goes through {@link #text}
 * (element content and double-quoted attribute values alike). Links and ids are never catalog
 * text: they are built by {@link #id} from it, so no {@code javascript:} URL can reach an href.
 */
final class Html {
    private Html() {}

    /** Escapes {@code & < > " '}: safe in element content and in double-quoted attributes. */
    static String text(String value) {
        if (!needsEscaping(value)) {
            return value; // most catalog text: names, types, paths
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        appendText(out, value);
        return out.toString();
    }

    /** {@link #text}, appended to {@code out} with no string of its own. */
    static void appendText(StringBuilder out, String value) {
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > '>') {
                continue; // every character escaped is '>' or below: letters and most text pass here
            }
            String replacement =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        // Control characters other than tab and newline are not allowed in HTML text.
                        default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : null;
                    };
            if (replacement != null) {
                out.append(value, start, i).append(replacement);
                start = i + 1;
            }
        }
        out.append(value, start, value.length());
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > '>') {
                continue;
            }
            if (c == '&'
                    || c == '<'
                    || c == '>'
                    || c == '"'
                    || c == '\''
                    || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                return true;
            }
        }
        return false;
    }

    /**
     * An id (and URL fragment) from any text: letters, digits, '_', '-' and '.' stay, every other
     * byte of its UTF-8 form becomes {@code ~xx} ('~' is unreserved in URLs). Injective, so two field paths never share an anchor,
     * and nothing in it needs escaping in a URL, an attribute or a file name.
     */
    static String id(String value) {
        StringBuilder out = new StringBuilder();
        appendTildeEscaped(out, value, false);
        return out.toString();
    }

    /**
     * Appends {@code value} with every UTF-8 byte outside {@code [A-Za-z0-9._-]} written as
     * {@code ~} and two hex digits: a name that needs no escaping in an HTML id, a URI fragment
     * or a URI path segment ({@code '~'} itself is escaped, so the result is one-to-one).
     */
    static void appendTildeEscaped(StringBuilder out, String value, boolean upperCaseHex) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_') {
                out.append((char) c);
            } else {
                char high = Character.forDigit(c >> 4, 16);
                char low = Character.forDigit(c & 15, 16);
                out.append('~')
                        .append(upperCaseHex ? Character.toUpperCase(high) : high)
                        .append(upperCaseHex ? Character.toUpperCase(low) : low);
            }
        }
    }
}
