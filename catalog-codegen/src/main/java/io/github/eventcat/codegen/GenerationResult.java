package io.github.eventcat.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run did to the output directory. Paths are relative to it, with {@code /}, sorted.
 *
 * @param outputDirectory where the sources are
 * @param upToDate the fingerprint matched: nothing was generated and no file touched
 * @param written files created or whose content changed
 * @param unchanged files generated with exactly the content they already had (not rewritten)
 * @param deleted files of an earlier run whose schema is gone
 */
public record GenerationResult(
        Path outputDirectory, boolean upToDate, List<String> written, List<String> unchanged, List<String> deleted) {

    public GenerationResult {
        Objects.requireNonNull(outputDirectory, "outputDirectory == null");
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    /** Every file the output directory holds for the catalog after the run. */
    public List<String> files() {
        return java.util.stream.Stream.concat(written.stream(), unchanged.stream())
                .sorted()
                .toList();
    }

    /** One line for a build log. */
    public String summary() {
        if (upToDate) {
            return "Nothing to generate: catalog and configuration unchanged (" + unchanged.size() + " files in "
                    + outputDirectory + ")";
        }
        return "Generated sources in " + outputDirectory + ": " + written.size() + " written, " + unchanged.size()
                + " unchanged, " + deleted.size() + " deleted";
    }
}
