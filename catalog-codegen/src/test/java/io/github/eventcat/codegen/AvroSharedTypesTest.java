package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro files are compiled in batches, one file's copy at a time; a named type that files of several
 * batches inline must still become exactly one class, with the same bytes whichever batch compiles
 * it.
 */
class AvroSharedTypesTest {
    private static final int EVENTS = 12;

    @TempDir
    Path temp;

    @Test
    void aTypeInlinedByEveryFileBecomesOneClassTheSameOnEveryRun() throws IOException {
        Path catalog = catalog();

        List<GeneratedFile> first = generate(catalog);
        List<GeneratedFile> second = generate(catalog);

        List<String> paths = first.stream().map(GeneratedFile::path).toList();
        assertThat(paths).doesNotHaveDuplicates();
        assertThat(paths)
                .filteredOn(p -> p.startsWith("com/example/shared/"))
                .hasSize(EVENTS + 2) // every event, the shared record and the shared enum
                .contains("com/example/shared/Money.java", "com/example/shared/Currency.java");
        GeneratedFile money = first.stream()
                .filter(f -> f.path().equals("com/example/shared/Money.java"))
                .findFirst()
                .orElseThrow();
        assertThat(money.origin()).isEqualTo("schemas/z_money.avsc");
        assertThat(money.content()).contains("public class Money").contains("Currency currency");
        assertThat(second).isEqualTo(first);
    }

    private static List<GeneratedFile> generate(Path catalog) {
        return CodeGenerator.records()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(catalog), CodegenConfiguration.defaults(Path.of("unused"))));
    }

    /** EVENTS event files, each using Money (defined in the last file), which uses Currency. */
    private Path catalog() throws IOException {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        StringBuilder manifest = new StringBuilder(
                "package: com.example.shared\nsubject-naming: TOPIC_RECORD\ntopics:\n  payments:\n    key: id\n"
                        + "    events:\n");
        for (int i = 0; i < EVENTS; i++) {
            String file = String.format(Locale.ROOT, "schemas/e%02d.avsc", i);
            manifest.append("      - ").append(file).append('\n');
            Files.writeString(
                    dir.resolve(file),
                    "{\"type\": \"record\", \"name\": \"Paid" + i + "\", \"namespace\": \"com.example.shared\","
                            + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"},"
                            + " {\"name\": \"amount\", \"type\": \"com.example.shared.Money\"}]}");
        }
        Files.writeString(
                dir.resolve("schemas/z_money.avsc"),
                "{\"type\": \"record\", \"name\": \"Money\", \"namespace\": \"com.example.shared\", \"fields\": ["
                        + "{\"name\": \"cents\", \"type\": \"long\"},"
                        + " {\"name\": \"currency\", \"type\": {\"type\": \"enum\", \"name\": \"Currency\","
                        + " \"symbols\": [\"EUR\", \"USD\"]}}]}");
        Files.writeString(dir.resolve("catalog.yaml"), manifest.toString());
        return dir;
    }
}
