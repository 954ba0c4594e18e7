package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.TestCatalogs.THING_CREATED;
import static io.github.eventcat.catalog.TestCatalogs.problems;
import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits of {@link CatalogLimits}: at the limit a catalog loads, past it a clear problem. */
class CatalogLimitsTest {
    @TempDir
    Path root;

    @Test
    void aHundredThousandFieldSchemaIsRefusedBeforeItIsRead() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        Path file = write(root.resolve("schemas/thing_created.avsc"), avroRecord("ThingCreated", 100_000));

        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc: the file has "
                        + String.format("%,d", Files.size(file)) + " bytes, more than the limit of 1,048,576"
                        + " bytes (1 MiB): split the schema into smaller files that refer to each other");
    }

    @Test
    void anAvroRecordMayHaveAThousandFieldsButNotMore() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), avroRecord("ThingCreated", 1_000));
        assertThat(CatalogLoader.load(root).topic("things").orElseThrow().events())
                .hasSize(1);

        String tooLarge = avroRecord("ThingCreated", 1_001);
        write(root.resolve("schemas/thing_created.avsc"), tooLarge);
        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc:1:"
                        + column(tooLarge, "[{") + ": record"
                        + " \"ThingCreated\" has 1,001 fields, more than the limit of 1,000: split it into smaller"
                        + " records");
    }

    @Test
    void theRecordsOfOneAvroFileMayHaveFiveThousandFieldsTogether() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        StringBuilder avro = new StringBuilder("[");
        for (int r = 0; r < 6; r++) {
            avro.append(r == 0 ? "" : ",").append(avroRecord("Part" + r, 900));
        }
        write(root.resolve("schemas/parts.avsc"), avro.append("]").toString());
        write(
                root.resolve("schemas/thing_created.avsc"),
                THING_CREATED.replace(
                        "{\"name\": \"name\", \"type\": \"string\"}",
                        "{\"name\": \"part\", \"type\": \"com.example.Part0\"}"));

        assertThat(problems(root))
                .containsExactly("schemas/parts.avsc:1:1: the records of this file"
                        + " have 5,400 fields together, more than the limit of 5,000 per file: split the schema"
                        + " into several files");
    }

    @Test
    void aJsonSchemaObjectMayHaveAThousandPropertiesButNotMore() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST.replace("thing_created.avsc", "thing.json"));
        write(root.resolve("schemas/thing.json"), jsonObject(1_000));
        assertThat(CatalogLoader.load(root).topic("things").orElseThrow().events())
                .hasSize(1);

        String tooLarge = jsonObject(1_001);
        write(root.resolve("schemas/thing.json"), tooLarge);
        assertThat(problems(root))
                .containsExactly("schemas/thing.json:1:"
                        + column(tooLarge, "{\"id\"") + ": the object has 1,001"
                        + " properties, more than the limit of 1,000: split it into smaller objects");
    }

    @Test
    void anAvroEnumMayHaveThreeThousandSymbolsButNotMore() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), avroWithEnum(3_000));
        assertThat(CatalogLoader.load(root).topic("things").orElseThrow().events())
                .hasSize(1);

        String tooLarge = avroWithEnum(3_001);
        write(root.resolve("schemas/thing_created.avsc"), tooLarge);
        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc:1:" + column(tooLarge, "[\"S0\"")
                        + ": enum \"Kind\" has 3,001 symbols, more than the limit of 3,000: a Java enum of more"
                        + " constants does not compile; use a string instead");
    }

    @Test
    void aJsonSchemaEnumMayHaveThreeThousandValuesButNotMore() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST.replace("thing_created.avsc", "thing.json"));
        write(root.resolve("schemas/thing.json"), jsonWithEnum(3_000));
        assertThat(CatalogLoader.load(root).topic("things").orElseThrow().events())
                .hasSize(1);

        String tooLarge = jsonWithEnum(3_001);
        write(root.resolve("schemas/thing.json"), tooLarge);
        assertThat(problems(root))
                .containsExactly("schemas/thing.json:1:" + column(tooLarge, "[\"S0\"")
                        + ": the enum has 3,001 values, more than the limit of 3,000: a Java enum of more"
                        + " constants does not compile; use a string instead (with a \"pattern\" if it must be"
                        + " checked)");
    }

    @Test
    void nestingDeeperThanSixtyFourLevelsIsRefused() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        String deep = "\"string\"";
        for (int i = 0; i < 62; i++) {
            deep = "{\"type\": \"array\", \"items\": " + deep + "}";
        }
        // The record is level 1, "fields" level 2, a field level 3: 62 arrays below reach level 65.
        String avro = "{\"type\": \"record\", \"name\": \"ThingCreated\", \"namespace\":"
                + " \"com.example\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"},"
                + " {\"name\": \"deep\", \"type\": " + deep + "}]}";
        write(root.resolve("schemas/thing_created.avsc"), avro);

        String level = "{\"type\": \"array\", \"items\": ";
        int level65 = column(avro, level) + 61 * level.length();
        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc:1:" + level65
                        + ": nested more"
                        + " than 64 levels deep, the limit: flatten the schema, e.g. define nested records as"
                        + " their own named types or files");
    }

    @Test
    void aManifestMayBeLargerThanASchemaFile() throws IOException {
        // 4 MiB: past the schema files' 1 MiB and past SnakeYAML's own default of 3 MiB.
        String description = "x".repeat(4 * 1024 * 1024);
        write(root.resolve("catalog.yaml"), MANIFEST + "description: " + description + "\n");
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        Catalog catalog = CatalogLoader.load(root);

        assertThat(catalog.description()).hasValue(description);
        assertThat(catalog.topic("things").orElseThrow().events()).hasSize(1);
    }

    @Test
    void aManifestOverSixteenMebibytesIsRefused() throws IOException {
        Path manifest = write(
                root.resolve("catalog.yaml"),
                MANIFEST + "description: " + "x".repeat(CatalogLimits.MAX_MANIFEST_BYTES) + "\n");
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        assertThat(problems(root))
                .containsExactly("catalog.yaml: the file has "
                        + String.format("%,d", Files.size(manifest)) + " bytes, more than the limit of 16,777,216"
                        + " bytes (16 MiB) for the manifest: split the catalog into several catalogs");
    }

    @Test
    void aCatalogDirectoryWithMoreAvroFilesThanTheLimitIsRefused() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);
        for (int i = 0; i < 100; i++) {
            write(root.resolve("other/t" + i + ".avsc"), "\"string\"");
        }

        assertThat(loadProblems(() -> CatalogLoader.load(root, 100, CatalogLimits.MAX_CATALOG_BYTES)))
                .containsExactly("catalog.yaml: the catalog directory holds more than 100 .avsc files,"
                        + " the limit: split it into several catalogs, or keep only the catalog under its"
                        + " root");
    }

    @Test
    void aCatalogWhoseFilesHoldMoreBytesThanTheLimitIsRefused() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);
        String padding = "\"string\"" + " ".repeat(100_000);
        for (int i = 0; i < 11; i++) {
            write(root.resolve("padding/p" + i + ".avsc"), padding);
        }

        assertThat(loadProblems(() -> CatalogLoader.load(root, CatalogLimits.MAX_SCHEMA_FILES, 1_000_000)))
                .containsExactly("catalog.yaml: the catalog's files hold more than 1,000,000 bytes"
                        + " together, the limit: split it into several catalogs");
    }

    @Test
    void theLimitsOfTheWholeCatalogLeaveRoomForTwentyThousandEvents() {
        assertThat(CatalogLimits.MAX_SCHEMA_FILES).isGreaterThanOrEqualTo(20_000);
        assertThat((long) CatalogLimits.MAX_CATALOG_BYTES).isGreaterThanOrEqualTo(20_000L * 4096);
    }

    private static List<String> loadProblems(ThrowingCallable load) {
        CatalogException failure = catchThrowableOfType(CatalogException.class, load);
        assertThat(failure).as("the catalog loaded, but it must fail").isNotNull();
        return failure.problems().stream().map(CatalogProblem::toString).toList();
    }

    /** The 1-based column where {@code text} first has {@code part}. */
    private static int column(String text, String part) {
        return text.indexOf(part) + 1;
    }

    static String symbols(int count) {
        StringBuilder symbols = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            symbols.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        return symbols.append(']').toString();
    }

    static String avroWithEnum(int symbols) {
        return "{\"type\": \"record\", \"name\": \"ThingCreated\", \"namespace\": \"com.example\", \"fields\":"
                + " [{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"kind\", \"type\": {\"type\": \"enum\","
                + " \"name\": \"Kind\", \"symbols\": " + symbols(symbols) + "}}]}";
    }

    static String jsonWithEnum(int values) {
        return "{\"title\": \"Thing\", \"type\": \"object\", \"required\": [\"id\"], \"properties\": {\"id\":"
                + " {\"type\": \"string\"}, \"kind\": {\"type\": \"string\", \"enum\": " + symbols(values) + "}}}";
    }

    private static String avroRecord(String name, int fields) {
        StringBuilder avro = new StringBuilder("{\"type\": \"record\", \"name\": \"" + name
                + "\", \"namespace\": \"com.example\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}");
        for (int i = 1; i < fields; i++) {
            avro.append(", {\"name\": \"f").append(i).append("\", \"type\": \"string\"}");
        }
        return avro.append("]}").toString();
    }

    private static String jsonObject(int properties) {
        StringBuilder json = new StringBuilder(
                "{\"title\": \"Thing\", \"type\": \"object\", \"required\": [\"id\"], \"properties\": {"
                        + "\"id\": {\"type\": \"string\"}");
        for (int i = 1; i < properties; i++) {
            json.append(", \"p").append(i).append("\": {\"type\": \"string\"}");
        }
        return json.append("}}").toString();
    }
}
