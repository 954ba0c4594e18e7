package io.github.eventcat.catalog;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a catalog.
 *
 * @param file the catalog-relative path of the file at fault, with {@code /} separators
 * @param location where inside the file: {@code line:column} when known, otherwise a JSON pointer
 *     such as {@code #/fields/3}, or empty when the problem concerns the whole file
 * @param message what is wrong and what to do about it
 */
public record CatalogProblem(String file, String location, String message) {

    private static final Pattern LINE_COLUMN = Pattern.compile("(\\d+):(\\d+)");

    /** Orders problems by file, then by position in the file, then by message. */
    public static final Comparator<CatalogProblem> ORDER = Comparator.comparing(CatalogProblem::file)
            .thenComparing(CatalogProblem::line)
            .thenComparing(CatalogProblem::column)
            .thenComparing(CatalogProblem::location)
            .thenComparing(CatalogProblem::message);

    public CatalogProblem {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(message, "message == null");
    }

    /** The line, or 0 when the location is not a {@code line:column}. */
    public int line() {
        Matcher matcher = LINE_COLUMN.matcher(location);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    /** The column, or 0 when the location is not a {@code line:column}. */
    public int column() {
        Matcher matcher = LINE_COLUMN.matcher(location);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    /** {@code file:location: message}, the form compilers use so that IDEs link to the place. */
    @Override
    public String toString() {
        return location.isEmpty() ? file + ": " + message : file + ":" + location + ": " + message;
    }
}
