package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the gate and the docs name a directory baseline. */
class BaselineCatalogMojoTest {
    @Test
    void aDirectoryBaselineIsNamedRelativeToTheProject() {
        Path project = Path.of("/work/service");

        assertThat(BaselineCatalogMojo.directoryLabel(Path.of("/work/service/baseline/catalog"), project))
                .isEqualTo("baseline/catalog");
        assertThat(BaselineCatalogMojo.directoryLabel(Path.of("/work/released/catalog"), project))
                .isEqualTo("../released/catalog");
        assertThat(BaselineCatalogMojo.directoryLabel(project, project)).isEqualTo(".");
    }
}
