package io.github.eventcat.catalog.lint;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to lint and where the report goes.
 *
 * @param catalogDirectory the catalog, a directory holding {@code catalog.yaml}
 * @param shownCatalogDirectory how reports name that directory, e.g. {@code src/main/catalog}, so
 *     that findings and CI annotations name files from the project's root
 * @param junitReport where to write a JUnit XML report, if anywhere
 */
public record LintRequest(Path catalogDirectory, String shownCatalogDirectory, Optional<Path> junitReport) {
    public LintRequest {
        Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
        Objects.requireNonNull(shownCatalogDirectory, "shownCatalogDirectory == null");
        Objects.requireNonNull(junitReport, "junitReport == null");
    }
}
