package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.TestCatalogs.THING_CREATED;
import static io.github.eventcat.catalog.TestCatalogs.problems;
import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of a catalog is UTF-8; a leading byte order mark is accepted (and dropped) in all of
 * them. Anything else is refused with the byte offset, never read as replacement characters.
 */
class EncodingCatalogTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path root;

    @Test
    void latin1InTheManifestIsRefusedWithTheByteOffset() throws IOException {
        String before = MANIFEST + "description: caf";
        write(
                root.resolve("catalog.yaml"),
                concat(before.getBytes(StandardCharsets.UTF_8), "é\n".getBytes(StandardCharsets.ISO_8859_1)));
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        assertThat(problems(root))
                .containsExactly(
                        "catalog.yaml: not UTF-8 at byte offset " + before.length() + ": save the file as UTF-8");
    }

    @Test
    void latin1InAnAvroSchemaIsRefusedWithTheByteOffset() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        String avro = THING_CREATED.replace("\"name\": \"ThingCreated\",", "\"name\": \"ThingCreated\", \"doc\": \"Ä");
        int offset = avro.indexOf('Ä');
        write(
                root.resolve("schemas/thing_created.avsc"),
                avro.replace("Ä", "Ärger\",").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc: not UTF-8 at byte" + " offset " + offset
                        + ": save the file as UTF-8");
    }

    @Test
    void latin1InAJsonSchemaIsRefusedWithTheByteOffset() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST.replace("thing_created.avsc", "thing.json"));
        String json = "{\"title\": \"Thing\", \"description\": \"n\u00famero\", \"type\": \"object\","
                + " \"properties\": {\"id\": {\"type\": \"string\"}}, \"required\": [\"id\"]}\n";
        write(root.resolve("schemas/thing.json"), json.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(root))
                .containsExactly("schemas/thing.json: not UTF-8 at byte offset " + json.indexOf('\u00fa')
                        + ": save the file as UTF-8");
    }

    @Test
    void utf16WithAByteOrderMarkIsRefusedAndSaysSo() throws IOException {
        write(
                root.resolve("catalog.yaml"),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, MANIFEST.getBytes(StandardCharsets.UTF_16LE)));
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        assertThat(problems(root))
                .containsExactly("catalog.yaml: not UTF-8 at byte offset 0: save"
                        + " the file as UTF-8 (it starts with a UTF-16 byte order mark)");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedAtItsFirstNulByte() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED.getBytes(StandardCharsets.UTF_16BE));

        assertThat(problems(root))
                .containsExactly("schemas/thing_created.avsc: not UTF-8 at byte"
                        + " offset 0: save the file as UTF-8 (a NUL byte: the file looks like UTF-16)");
    }

    @Test
    void aByteOrderMarkIsAcceptedInEveryFileAndDropped() throws IOException {
        write(
                root.resolve("catalog.yaml"),
                concat(
                        BOM,
                        (MANIFEST + "      - schemas/user.json\n" + "    subject-naming: RECORD\n")
                                .getBytes(StandardCharsets.UTF_8)));
        write(root.resolve("schemas/thing_created.avsc"), concat(BOM, THING_CREATED.getBytes(StandardCharsets.UTF_8)));
        String json = "{\"title\": \"UserCreated\", \"type\": \"object\", \"properties\":"
                + " {\"id\": {\"type\": \"string\"}}, \"required\": [\"id\"]}\n";
        write(root.resolve("schemas/user.json"), concat(BOM, json.getBytes(StandardCharsets.UTF_8)));

        Catalog catalog = CatalogLoader.load(root);

        assertThat(catalog.topic("things").orElseThrow().events())
                .extracting(Event::name)
                .containsExactly("thing_created", "user_created");
        assertThat(catalog.schemaFiles()).extracting(SchemaFile::text).containsExactly(THING_CREATED, json);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
