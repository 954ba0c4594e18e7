package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A producer's documentation says what its record key is, as the runtime writes it. */
class ProducerKeyDocTest {
    @TempDir
    Path temp;

    @Test
    void numberKeysAreDocumentedAsDecimalText() throws IOException {
        Files.createDirectories(temp.resolve("schemas"));
        Files.writeString(
                temp.resolve("catalog.yaml"),
                "package: com.example.keys\n"
                        + "topics:\n"
                        + "  counters:\n    key: counter_id\n    events:\n      - schemas/counter_set.json\n"
                        + "  meters:\n    key: meter_id\n    events:\n      - schemas/meter_read.avsc\n");
        Files.writeString(
                temp.resolve("schemas/counter_set.json"),
                "{\"title\": \"CounterSet\","
                        + " \"type\": \"object\", \"properties\": {\"counter_id\": {\"type\": \"integer\"}},"
                        + " \"required\": [\"counter_id\"]}");
        Files.writeString(
                temp.resolve("schemas/meter_read.avsc"),
                "{\"type\": \"record\", \"name\":"
                        + " \"MeterRead\", \"namespace\": \"com.example.keys\", \"fields\": [{\"name\":"
                        + " \"meter_id\", \"type\": \"long\"}]}");

        List<GeneratedFile> files = new CodeGenerator(TopicSources.contributors())
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(temp), CodegenConfiguration.defaults(temp.resolve("out"))));

        assertThat(content(files, "com/example/keys/CountersProducer.java"))
                .contains(" * Sends the events of topic {@code counters}, keyed by their {@code counter_id}"
                        + " field (as UTF-8 text: the number in decimal), each serialized");
        assertThat(content(files, "com/example/keys/MetersProducer.java"))
                .contains("keyed by their {@code meter_id} field (as UTF-8 text: the number in decimal)");
    }

    private static String content(List<GeneratedFile> files, String path) {
        return files.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow()
                .content();
    }
}
