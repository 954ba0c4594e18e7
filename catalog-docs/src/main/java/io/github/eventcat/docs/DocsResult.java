package io.github.eventcat.docs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run wrote.
 *
 * @param index the overview page
 * @param asyncApi the AsyncAPI document
 * @param written files whose content changed (or are new)
 * @param unchanged files left as they were
 * @param deleted files of an earlier site that are no longer part of it
 * @param overview the catalog's topics and events with their pages, for a page that leads into
 *     the site
 */
public record DocsResult(Path index, Path asyncApi, int written, int unchanged, int deleted, SiteOverview overview) {
    public DocsResult {
        Objects.requireNonNull(index, "index == null");
        Objects.requireNonNull(asyncApi, "asyncApi == null");
        Objects.requireNonNull(overview, "overview == null");
    }

    /** One line for a build log. */
    public String summary() {
        return "Event catalog site: " + index + " (" + written + " written, " + unchanged + " unchanged, " + deleted
                + " deleted); AsyncAPI: " + asyncApi;
    }
}
