package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Schema title written as a full name ({@code org.example.profiles.ProfileChanged}) names
 * the class by its last segment, in the catalog's package; the subject keeps the full title.
 */
class DottedTitleTest {
    @TempDir
    Path temp;

    @Test
    void aDottedTitleGivesItsLastSegmentAsClassAndKeepsTheFullNameAsSubject() throws Exception {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.profiles\n"
                        + "subject-naming: RECORD\n"
                        + "topics:\n  profiles:\n    key: id\n    events:\n      - schemas/profile_changed.json\n");
        Files.writeString(
                dir.resolve("schemas/profile_changed.json"),
                "{\"title\":"
                        + " \"org.example.profiles.ProfileChanged\", \"type\": \"object\", \"properties\":"
                        + " {\"id\": {\"type\": \"string\"}, \"address\": {\"title\": \"org.example.Address\","
                        + " \"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}},"
                        + " \"required\": [\"id\"]}");
        Catalog catalog = CatalogLoader.load(dir);
        assertThat(catalog.topics().get(0).events().get(0).javaTypeName())
                .isEqualTo("com.example.profiles.ProfileChanged");
        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(
                        new GenerationRequest(catalog, CodegenConfiguration.defaults(temp.resolve("unused"))));

        assertThat(files)
                .extracting(GeneratedFile::path)
                .containsExactly(
                        "com/example/profiles/EventCatalog.java",
                        "com/example/profiles/ProfileChanged.java",
                        "com/example/profiles/ProfilesConsumer.java",
                        "com/example/profiles/ProfilesHandler.java",
                        "com/example/profiles/ProfilesProducer.java");
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));
        Class<?> event = loader.loadClass("com.example.profiles.ProfileChanged");
        assertThat(loader.loadClass("com.example.profiles.ProfileChanged$Address"))
                .isNotNull();
        assertThat(Arrays.stream(loader.loadClass("com.example.profiles.ProfilesHandler")
                                .getDeclaredMethods())
                        .map(Method::getName))
                .containsExactly("onProfileChanged");
        Class<?> constants = loader.loadClass("com.example.profiles.EventCatalog$Profiles");
        assertThat(constants.getField("SUBJECTS").get(null)).isEqualTo(List.of("org.example.profiles.ProfileChanged"));
        assertThat(constants.getField("EVENT_TYPES").get(null))
                .isEqualTo(Map.of("org.example.profiles.ProfileChanged", event));
    }
}
