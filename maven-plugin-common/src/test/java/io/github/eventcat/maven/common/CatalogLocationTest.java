package io.github.eventcat.maven.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for what a catalog location holds, for both plugins (and registry-core). */
class CatalogLocationTest {
    private static final String MANIFEST = """
      package: com.example.events
      topics:
        tickets:
          key: ticket_id
          events:
            - schemas/ticket_opened.avsc
      """;
    private static final String SCHEMA = """
      {"type": "record", "name": "TicketOpened", "namespace": "com.example",
       "fields": [{"name": "ticket_id", "type": "string"}]}
      """;

    @TempDir
    Path project;

    @Test
    void aDirectoryIsShownRelativeToTheProject() throws IOException {
        Path catalog = writeCatalog(project.resolve("src/main/catalog"));

        CatalogLocation location = CatalogLocation.directory(catalog, project);

        assertThat(location.description()).isEqualTo("src/main/catalog");
        assertThat(location.load().topics()).hasSize(1);
    }

    @Test
    void aDirectoryOutsideTheProjectIsShownAbsoluteAndTheProjectItselfAsDot() {
        assertThat(CatalogLocation.directory(Path.of("/elsewhere/catalog"), project)
                        .description())
                .isEqualTo("/elsewhere/catalog");
        assertThat(CatalogLocation.directory(project, project).description()).isEqualTo(".");
    }

    @Test
    void aBaselineDirectoryIsRelativeEvenOutsideTheProject() {
        Path base = Path.of("/work/service");
        assertThat(CatalogLocation.relative(Path.of("/work/released/catalog"), base))
                .isEqualTo("../released/catalog");
        assertThat(CatalogLocation.relative(Path.of("/work/service/baseline"), base))
                .isEqualTo("baseline");
    }

    @Test
    void aJarAndACatalogModulesOutputLoadTheSameCatalogAsItsDirectory() throws IOException {
        Catalog direct = CatalogLocation.directory(writeCatalog(project.resolve("catalog")), project)
                .load();
        Path classes = project.resolve("target/classes");
        writeCatalog(classes.resolve(CatalogLoader.JAR_CATALOG_DIRECTORY));
        Path jar = jar(project.resolve("events-catalog-1.0.jar"));

        Catalog fromClasses = new CatalogLocation(classes, "com.example:events-catalog").load();
        Catalog fromJar = new CatalogLocation(jar, "com.example:events-catalog:1.0").load();

        assertThat(names(fromClasses)).isEqualTo(names(direct)).containsExactly("tickets");
        assertThat(names(fromJar)).isEqualTo(names(direct));
    }

    @Test
    void aDirectoryWithItsOwnManifestIsTheCatalogEvenWithAPackagedOneInside() throws IOException {
        Path catalog = writeCatalog(project.resolve("catalog"));
        Files.createDirectories(catalog.resolve(CatalogLoader.JAR_CATALOG_DIRECTORY));
        Files.writeString(
                catalog.resolve(CatalogLoader.JAR_CATALOG_DIRECTORY).resolve("catalog.yaml"), "not: a catalog");

        assertThat(names(CatalogLocation.directory(catalog, project).load())).containsExactly("tickets");
    }

    @Test
    void aDirectoryWithoutACatalogSaysWhatIsMissing() {
        CatalogException e = catchThrowableOfType(
                CatalogException.class, () -> CatalogLocation.directory(project.resolve("missing"), project)
                        .load());

        assertThat(e.problems()).singleElement().asString().contains("catalog.yaml");
    }

    private static java.util.List<String> names(Catalog catalog) {
        return catalog.topics().stream()
                .map(io.github.eventcat.catalog.Topic::name)
                .toList();
    }

    private static Path writeCatalog(Path root) throws IOException {
        Files.createDirectories(root.resolve("schemas"));
        Files.writeString(root.resolve("catalog.yaml"), MANIFEST);
        Files.writeString(root.resolve("schemas/ticket_opened.avsc"), SCHEMA);
        return root;
    }

    private static Path jar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, CatalogLoader.JAR_CATALOG_DIRECTORY + "/catalog.yaml", MANIFEST);
            entry(out, CatalogLoader.JAR_CATALOG_DIRECTORY + "/schemas/ticket_opened.avsc", SCHEMA);
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
