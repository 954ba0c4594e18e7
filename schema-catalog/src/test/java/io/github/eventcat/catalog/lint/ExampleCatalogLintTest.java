package io.github.eventcat.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example catalog passes its own lint configuration (the default set, configured honestly). */
class ExampleCatalogLintTest {
    @Test
    void exampleCatalogHasNoFindings() {
        LintResult result = CatalogLinter.lint(
                CatalogLoader.load(Path.of("../generated-example/src/main/catalog")), "src/main/catalog");
        assertThat(result.findings()).as(result.text()).isEmpty();
    }
}
