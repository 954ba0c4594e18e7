package io.github.eventcat.docs;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Path;

/** The example catalog's site, generated once per test JVM under target/ (kept for review). */
final class ExampleSite {
    static final Path DIRECTORY = Path.of("target/example-site").toAbsolutePath();
    private static DocsResult result;

    private ExampleSite() {}

    static synchronized DocsResult generate() {
        if (result == null) {
            result = DocsGenerator.generate(
                    new DocsRequest(CatalogLoader.load(DocsGeneratorTest.EXAMPLE), DIRECTORY, "1.0.0"));
        }
        return result;
    }
}
