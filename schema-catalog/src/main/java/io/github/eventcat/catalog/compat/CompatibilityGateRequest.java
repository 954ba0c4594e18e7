package io.github.eventcat.catalog.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the compatibility gate checks: the current catalog directory against one or more baseline
 * catalogs.
 *
 * @param catalogDirectory the current catalog, a directory holding {@code catalog.yaml}
 * @param shownCatalogDirectory how reports name that directory, e.g. {@code src/main/catalog}:
 *     schema files are reported as {@code src/main/catalog/schemas/x.avsc} so that CI annotations
 *     land on the right file
 * @param baselinesOldestFirst the history; non-transitive levels check against the last one only
 * @param allowRemovedSubjects whether a subject of the latest baseline that the current catalog no
 *     longer has is accepted (reported, but not breaking)
 * @param junitReport where to write a JUnit XML report, if anywhere
 * @param changesReport where to write the Markdown change report against the latest baseline
 *     ({@link ChangeReport}), if anywhere
 */
public record CompatibilityGateRequest(
        Path catalogDirectory,
        String shownCatalogDirectory,
        List<BaselineSource> baselinesOldestFirst,
        boolean allowRemovedSubjects,
        Optional<Path> junitReport,
        Optional<Path> changesReport) {
    public CompatibilityGateRequest {
        Objects.requireNonNull(changesReport, "changesReport == null");
        Objects.requireNonNull(catalogDirectory, "catalogDirectory == null");
        Objects.requireNonNull(shownCatalogDirectory, "shownCatalogDirectory == null");
        baselinesOldestFirst = List.copyOf(baselinesOldestFirst);
        Objects.requireNonNull(junitReport, "junitReport == null");
        if (baselinesOldestFirst.isEmpty()) {
            throw new IllegalArgumentException("no baseline to check against");
        }
    }

    /** A request without a change report. */
    public CompatibilityGateRequest(
            Path catalogDirectory,
            String shownCatalogDirectory,
            List<BaselineSource> baselinesOldestFirst,
            boolean allowRemovedSubjects,
            Optional<Path> junitReport) {
        this(
                catalogDirectory,
                shownCatalogDirectory,
                baselinesOldestFirst,
                allowRemovedSubjects,
                junitReport,
                Optional.empty());
    }
}
