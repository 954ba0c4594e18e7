package io.github.eventcat.codegen;

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
}
