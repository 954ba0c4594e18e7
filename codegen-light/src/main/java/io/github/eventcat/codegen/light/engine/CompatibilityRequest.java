package io.github.eventcat.codegen.light.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code check-compatibility} is asked to do.
 *
 * @param catalogDirectory the catalog directory
 * @param shownCatalogDirectory how findings name it
 * @param baselines exactly one of the three baseline parameters must be set
 * @param allowRemovedSubjects accept subjects the baseline has and the catalog no longer has
 * @param junitReport where the JUnit XML report goes, if anywhere
 * @param changesReport where the Markdown change report goes, if anywhere
 * @param githubAnnotations whether to print GitHub Actions annotations; {@code null}: when the
 *     environment has {@code GITHUB_ACTIONS=true}
 */
public record CompatibilityRequest(
        Path catalogDirectory,
        String shownCatalogDirectory,
        Baselines baselines,
        boolean allowRemovedSubjects,
        Optional<Path> junitReport,
        Optional<Path> changesReport,
        Boolean githubAnnotations) {
    public CompatibilityRequest {
        Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
        Objects.requireNonNull(shownCatalogDirectory, "shownCatalogDirectory == null");
        Objects.requireNonNull(baselines, "baselines == null");
        Objects.requireNonNull(junitReport, "junitReport == null");
        Objects.requireNonNull(changesReport, "changesReport == null");
    }
}
