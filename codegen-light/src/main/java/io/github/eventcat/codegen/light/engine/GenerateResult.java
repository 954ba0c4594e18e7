package io.github.eventcat.codegen.light.engine;

import java.util.List;

/**
 * What a {@code generate} run did to the output directory: paths relative to it, with '/', sorted.
 *
 * @param upToDate nothing was generated and no file touched
 */
public record GenerateResult(boolean upToDate, List<String> written, List<String> unchanged, List<String> deleted) {
    public GenerateResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }
}
