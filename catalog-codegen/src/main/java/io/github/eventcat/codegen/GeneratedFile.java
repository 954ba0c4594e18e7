package io.github.eventcat.codegen;

import java.util.Objects;

/**
 * A source file produced in memory, before the output directory is touched.
 *
 * @param path relative to the output directory, with {@code /} separators (e.g. {@code
 *     com/example/events/TaskEvent.java})
 * @param content the whole file
 * @param origin the catalog file the content comes from (for error messages), with a JSON pointer
 *     when it is part of the file: {@code schemas/todo/task_event.json}, {@code
 *     schemas/orders.json#/$defs/Customer}, {@code catalog.yaml}
 */
public record GeneratedFile(String path, String content, String origin) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(origin, "origin == null");
        checkPath(path);
    }

    /** Rejects a path that is not relative, with {@code /} separators, inside the output directory. */
    static void checkPath(String path) {
        if (path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("not a relative path with '/': " + path);
        }
    }
}
