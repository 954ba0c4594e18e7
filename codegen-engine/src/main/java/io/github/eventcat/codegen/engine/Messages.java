package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogProblem;
import io.github.eventcat.maven.common.Failures;

/** The engine's messages that are the plugins' shared ones (maven-plugin-common's Failures). */
final class Messages {
    private Messages() {}

    /** As {@code Failures.invalidCatalog}: every problem of the catalog on its own line. */
    static String invalidCatalog(String catalog, CatalogException e) {
        return Failures.problems(
                "The catalog at " + catalog,
                e.problems().stream().map(CatalogProblem::toString).toList(),
                "load");
    }
}
