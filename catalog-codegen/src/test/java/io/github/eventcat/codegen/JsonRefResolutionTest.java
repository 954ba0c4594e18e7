package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code generation follows a {@code $ref} wherever the catalog loader does: it reads the catalog's
 * schema graph instead of resolving paths on its own, so a reference the loader accepted never
 * "names no schema of the catalog" here.
 */
class JsonRefResolutionTest {
    @TempDir
    Path temp;

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "creating symbolic links needs a privilege")
    void aRefThroughALinkedFolderGetsTheTypeOfTheFileItReallyNames() throws Exception {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas/shared"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.linked\n"
                        + "topics:\n  tasks:\n    key: id\n    events:\n      - schemas/task_created.json\n");
        Files.writeString(
                dir.resolve("schemas/shared/task_data.json"),
                "{\"title\": \"TaskData\","
                        + " \"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}}}");
        Files.createSymbolicLink(dir.resolve("schemas/linked"), dir.resolve("schemas/shared"));
        Files.writeString(
                dir.resolve("schemas/task_created.json"),
                "{\"title\": \"TaskCreated\","
                        + " \"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\": {\"type\":"
                        + " \"string\"}, \"data\": {\"$ref\": \"linked/task_data.json\"}}}");

        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        RecordComponent[] components =
                loader.loadClass("com.example.linked.TaskCreated").getRecordComponents();
        assertThat(Arrays.stream(components).map(c -> c.getType().getName()))
                .containsExactly("java.lang.String", "com.example.linked.TaskData");
    }
}
