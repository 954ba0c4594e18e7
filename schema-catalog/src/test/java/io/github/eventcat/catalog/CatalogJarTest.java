package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog released as a Maven artifact is a jar holding the catalog under META-INF. */
class CatalogJarTest {
    @TempDir
    Path temp;

    @Test
    void loadsTheExampleCatalogFromAJar() throws IOException {
        Path jar = temp.resolve("example-catalog-1.0.jar");
        writeJar(jar, ExampleCatalogTest.EXAMPLE, CatalogLoader.JAR_CATALOG_DIRECTORY + "/");

        Catalog fromJar = CatalogLoader.loadFromJar(jar);
        Catalog fromDirectory = CatalogLoader.load(ExampleCatalogTest.EXAMPLE);

        assertThat(fromJar.source()).startsWith("jar:").endsWith("!/META-INF/eventcat/catalog");
        assertThat(fromJar.topics()).isEqualTo(fromDirectory.topics());
        assertThat(fromJar.subjects()).isEqualTo(fromDirectory.subjects());
        SchemaFile orderPlaced =
                fromJar.schemaFile("schemas/orders/order_placed.avsc").orElseThrow();
        // Readable after the jar's file system is closed: the catalog holds no open file.
        assertThat(fromJar.avroSchema(orderPlaced)
                        .getField("lines")
                        .schema()
                        .getElementType()
                        .getName())
                .isEqualTo("OrderLine");
        assertThat(fromJar.referencesInRegistrationOrder(orderPlaced))
                .extracting(SchemaFile::path)
                .containsExactly("schemas/orders/order_line.avsc");
    }

    @Test
    void aJarWithoutACatalogFails() throws IOException {
        Path jar = temp.resolve("empty.jar");
        writeJar(jar, ExampleCatalogTest.EXAMPLE.resolve("schemas/users"), "other/");

        CatalogException failure = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.loadFromJar(jar));

        assertThat(failure.problems())
                .extracting(CatalogProblem::toString)
                .containsExactly("META-INF/eventcat/catalog: the jar "
                        + jar
                        + " holds no catalog: expected META-INF/eventcat/catalog/catalog.yaml");
    }

    @Test
    void problemsInAJarNameCatalogRelativeFiles() throws IOException {
        Path jar = temp.resolve("bad.jar");
        writeJar(jar, BadCatalogTest.CASES.resolve("avro-bad-default"), CatalogLoader.JAR_CATALOG_DIRECTORY + "/");

        CatalogException failure = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.loadFromJar(jar));

        assertThat(failure.problems())
                .extracting(CatalogProblem::file, CatalogProblem::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schemas/thing_created.avsc", "17:18"));
    }

    private static void writeJar(Path jar, Path directory, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path file : files) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                jarOut.putNextEntry(new JarEntry(prefix + name));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }
}
