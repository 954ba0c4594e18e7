package io.github.eventcat.codegen.light.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code lint} is asked to do.
 *
 * @param catalogDirectory the catalog directory
 * @param shownCatalogDirectory how findings name it
 * @param junitReport where the JUnit XML report goes, if anywhere
 * @param githubAnnotations whether to print GitHub Actions annotations; {@code null}: when the
 *     environment has {@code GITHUB_ACTIONS=true}
 */
public record LintRequest(
        Path catalogDirectory, String shownCatalogDirectory, Optional<Path> junitReport, Boolean githubAnnotations) {
    public LintRequest {
        Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
        Objects.requireNonNull(shownCatalogDirectory, "shownCatalogDirectory == null");
        Objects.requireNonNull(junitReport, "junitReport == null");
    }
}
