package io.github.eventcat.codegen;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reason the catalog's code cannot be generated.
 *
 * @param file the catalog-relative file at fault (a schema file, or {@code catalog.yaml})
 * @param location a JSON pointer inside it ({@code #/properties/x}), a {@code line:column}, or
 *     empty for the whole file
 * @param message what is wrong and what to do about it
 */
public record CodegenProblem(String file, String location, String message) {
    static final Comparator<CodegenProblem> ORDER = Comparator.comparing(CodegenProblem::file)
            .thenComparing(CodegenProblem::location)
            .thenComparing(CodegenProblem::message);

    public CodegenProblem {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
        return location.isEmpty() ? file + ": " + message : file + ":" + location + ": " + message;
    }
}
