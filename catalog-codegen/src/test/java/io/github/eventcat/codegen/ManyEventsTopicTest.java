package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic of 1,000 event types compiles, in seconds. javac's stack overflowed on the consumer's
 * chain of 1,000 {@code .on(...)} calls, and it took more than ten minutes over the constants'
 * {@code Map.ofEntries} and the producer's {@code List.of} of 1,000 entries whose type arguments
 * it had to infer together.
 */
class ManyEventsTopicTest {
    private static final int EVENTS = 1_000;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTopicOfAThousandEventTypesCompiles() throws Exception {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        StringBuilder manifest = new StringBuilder(
                "package: com.example.many\nsubject-naming: RECORD\ntopics:\n  changes:\n    key: id\n    events:\n");
        for (int i = 0; i < EVENTS; i++) {
            manifest.append("      - schemas/change_").append(i).append(".json\n");
            Files.writeString(
                    dir.resolve("schemas/change_" + i + ".json"),
                    "{\"title\": \"Change" + i + "\", \"type\": \"object\", \"required\": [\"id\"],"
                            + " \"properties\": {\"id\": {\"type\": \"string\"}}}");
        }
        Files.writeString(dir.resolve("catalog.yaml"), manifest.toString());

        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        String consumer = files.stream()
                .filter(f -> f.path().endsWith("/ChangesConsumer.java"))
                .findFirst()
                .orElseThrow()
                .content();
        assertThat(consumer)
                .contains("    EventDispatcher.Builder<Object> dispatcher = EventDispatcher.builder();\n"
                        + "    dispatcher.on(Change0.class, handler::onChange0);\n")
                .contains("    dispatcher.on(Change999.class, handler::onChange999);\n"
                        + "    return dispatcher.build();\n");
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        assertThat((List<?>) loader.loadClass("com.example.many.EventCatalog$Changes")
                        .getField("REGISTRATIONS")
                        .get(null))
                .hasSize(EVENTS);
    }
}
