package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.TestCatalogs.THING_CREATED;
import static io.github.eventcat.catalog.TestCatalogs.problems;
import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links are followed to where they really lead: inside the catalog root a link works like
 * the file it points to; a link that leads out of the root is refused where it is listed.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "creating symbolic links needs a privilege")
class SymlinkCatalogTest {
    @TempDir
    Path temp;

    @Test
    void aListedFileLinkedToAFileOutsideTheRootIsRefusedWithTheManifestLine() throws IOException {
        Path outside = write(temp.resolve("elsewhere/thing_created.avsc"), THING_CREATED);
        Path root = temp.resolve("catalog");
        write(root.resolve("catalog.yaml"), MANIFEST);
        Files.createDirectories(root.resolve("schemas"));
        Files.createSymbolicLink(root.resolve("schemas/thing_created.avsc"), outside);

        assertThat(problems(root))
                .containsExactly("catalog.yaml:6:9: \"schemas/thing_created.avsc\" is a symbolic link that leads"
                        + " outside the catalog root (to "
                        + outside.toRealPath()
                        + "): copy the file into the catalog, or link only to files inside the directory"
                        + " that holds catalog.yaml");
    }

    @Test
    void aSchemasFolderLinkedOutsideTheRootIsRefusedInsteadOfLoadingAnEmptyTopic() throws IOException {
        Path outside = temp.resolve("elsewhere");
        write(outside.resolve("thing_created.avsc"), THING_CREATED);
        Path root = temp.resolve("catalog");
        write(root.resolve("catalog.yaml"), MANIFEST);
        Files.createSymbolicLink(root.resolve("schemas"), outside);

        assertThat(problems(root))
                .containsExactly("catalog.yaml:6:9: \"schemas/thing_created.avsc\" is a symbolic link that leads"
                        + " outside the catalog root (to "
                        + outside.toRealPath().resolve("thing_created.avsc")
                        + "): copy the file into the catalog, or link only to files inside the directory"
                        + " that holds catalog.yaml");
    }

    @Test
    void aSchemasFolderLinkedInsideTheRootWorksLikeTheFolder() throws IOException {
        Path root = temp.resolve("catalog");
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("shared/thing_created.avsc"), THING_CREATED);
        Files.createSymbolicLink(root.resolve("schemas"), root.resolve("shared"));

        Topic things = CatalogLoader.load(root).topic("things").orElseThrow();

        assertThat(things.events()).extracting(Event::javaTypeName).containsExactly("com.example.ThingCreated");
        // A file has one identity, where it really is, so a file reached twice is one schema.
        assertThat(things.valueSchemaFiles()).extracting(SchemaFile::path).containsExactly("shared/thing_created.avsc");
    }

    @Test
    void aFileLinkedInsideTheRootWorksLikeTheFile() throws IOException {
        Path root = temp.resolve("catalog");
        write(root.resolve("catalog.yaml"), MANIFEST);
        Path real = write(root.resolve("shared/thing_created.avsc"), THING_CREATED);
        Files.createDirectories(root.resolve("schemas"));
        Files.createSymbolicLink(root.resolve("schemas/thing_created.avsc"), real);

        Topic things = CatalogLoader.load(root).topic("things").orElseThrow();

        assertThat(things.events()).extracting(Event::javaTypeName).containsExactly("com.example.ThingCreated");
    }

    @Test
    void aCatalogRootThatIsItselfALinkLoads() throws IOException {
        Path real = temp.resolve("real-catalog");
        write(real.resolve("catalog.yaml"), MANIFEST);
        write(real.resolve("schemas/thing_created.avsc"), THING_CREATED);
        Path root = Files.createSymbolicLink(temp.resolve("catalog"), real);

        assertThat(CatalogLoader.load(root).topic("things").orElseThrow().events())
                .hasSize(1);
    }

    @Test
    void aJsonRefThroughALinkOutsideTheRootIsRefusedAtTheRef() throws IOException {
        Path outside = write(
                temp.resolve("elsewhere/priority.json"), "{\"type\": \"string\", \"enum\": [\"LOW\", \"HIGH\"]}\n");
        Path root = temp.resolve("catalog");
        write(
                root.resolve("catalog.yaml"),
                "package: com.example.events\n"
                        + "topics:\n"
                        + "  tasks:\n"
                        + "    key: id\n"
                        + "    events:\n"
                        + "      - schemas/task_created.json\n");
        write(
                root.resolve("schemas/task_created.json"),
                "{\n"
                        + "  \"title\": \"TaskCreated\",\n"
                        + "  \"type\": \"object\",\n"
                        + "  \"properties\": {\n"
                        + "    \"id\": {\"type\": \"string\"},\n"
                        + "    \"priority\": {\"$ref\": \"priority.json\"}\n"
                        + "  },\n"
                        + "  \"required\": [\"id\"]\n"
                        + "}\n");
        Files.createSymbolicLink(root.resolve("schemas/priority.json"), outside);

        assertThat(problems(root))
                .containsExactly("schemas/task_created.json:6:26: $ref \"priority.json\" is a symbolic link that leads"
                        + " outside the catalog root (to "
                        + outside.toRealPath()
                        + "): copy the file into the catalog, or link only to files inside it");
    }

    @Test
    void aManifestLinkedOutsideTheRootIsRefused() throws IOException {
        Path outside = write(temp.resolve("elsewhere/catalog.yaml"), MANIFEST);
        Path root = temp.resolve("catalog");
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);
        Files.createSymbolicLink(root.resolve("catalog.yaml"), outside);

        assertThat(problems(root))
                .containsExactly("catalog.yaml: is a symbolic link that leads outside the catalog root (to "
                        + outside.toRealPath()
                        + "): copy the manifest into the catalog directory");
    }
}
