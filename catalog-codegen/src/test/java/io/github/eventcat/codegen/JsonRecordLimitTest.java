package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Schema object with more properties than a Java record's constructor can take is refused
 * with its file and pointer, instead of generating a record javac rejects ("too many parameters").
 */
class JsonRecordLimitTest {
    @TempDir
    Path temp;

    @Test
    void anObjectWithMoreThanAConstructorCanTakeIsRefusedWithItsPointer() throws Exception {
        Path dir = catalog(255, "string", false);
        assertThatThrownBy(() -> CodeGenerator.standard()
                        .generateInMemory(new GenerationRequest(
                                CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused")))))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .containsExactly(new CodegenProblem(
                                "schemas/wide.json",
                                "#/properties",
                                "this object has 256 properties, more than a Java record's constructor can take"
                                        + " (254 parameter slots; long and double take two) — group related"
                                        + " properties into nested objects")));
    }

    @Test
    void requiredDoublePropertiesCountTwice() throws Exception {
        Path dir = catalog(130, "number", true);
        assertThatThrownBy(() -> CodeGenerator.standard()
                        .generateInMemory(new GenerationRequest(
                                CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused")))))
                .isInstanceOf(CodegenException.class);
    }

    @Test
    void theWidestObjectAConstructorTakesCompiles() throws Exception {
        Path dir = catalog(253, "string", false);
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));
        assertThat(loader.loadClass("com.example.wide.Wide").getRecordComponents())
                .hasSize(254);
    }

    /** An object with an {@code id} and {@code extra} more properties of type {@code type}. */
    private Path catalog(int extra, String type, boolean required) throws Exception {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.wide\n"
                        + "topics:\n  wide:\n    key: id\n    events:\n      - schemas/wide.json\n");
        StringBuilder properties = new StringBuilder("\"id\": {\"type\": \"string\"}");
        StringBuilder requiredNames = new StringBuilder("\"id\"");
        for (int i = 0; i < extra; i++) {
            if (required) {
                requiredNames.append(", \"p").append(i).append('"');
            }
            properties
                    .append(", \"p")
                    .append(i)
                    .append("\": {\"type\": \"")
                    .append(type)
                    .append("\"}");
        }
        Files.writeString(
                dir.resolve("schemas/wide.json"),
                "{\"title\": \"Wide\", \"type\":"
                        + " \"object\", \"properties\": {" + properties + "}, \"required\": [" + requiredNames
                        + "]}");
        return dir;
    }
}
