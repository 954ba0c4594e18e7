package io.github.eventcat.cli;

import java.util.Objects;

/**
 * One thing wrong with an input document.
 *
 * @param document 1-based position of the document in the input
 * @param line the input line where the document (or, for a syntax error, the error) is
 * @param column the column of a syntax error; 0 otherwise
 * @param pointer JSON pointer of the field at fault inside the document; empty for the whole document
 * @param rule the broken rule: a JSON Schema keyword ({@code required}, {@code type}, {@code format}…),
 *     or {@code syntax} for JSON that does not parse
 * @param message what is wrong
 */
record DocumentProblem(int document, int line, int column, String pointer, String rule, String message) {
    DocumentProblem {
        Objects.requireNonNull(pointer, "pointer == null");
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(message, "message == null");
    }

    static DocumentProblem syntax(int document, int line, int column, String message) {
        return new DocumentProblem(document, line, column, "", "syntax", message);
    }

    @Override
    public String toString() {
        String where = "document " + document + " (line " + line + (column > 0 ? ", column " + column : "") + ")";
        return where + ": " + (pointer.isEmpty() ? "/" : pointer) + " [" + rule + "]: " + message;
    }
}
