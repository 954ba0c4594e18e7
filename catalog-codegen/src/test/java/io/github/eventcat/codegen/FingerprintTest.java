package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content fingerprint, streamed into the digest, is the SHA-256 of the whole text it stands for. */
class FingerprintTest {
    @TempDir
    Path temp;

    private Path dir;
    private CodegenConfiguration configuration;

    @BeforeEach
    void writeCatalog() throws Exception {
        dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        // Non-ASCII on both sides of the pieces' boundaries: a two-byte, a three-byte and a
        // four-byte character (a surrogate pair in Java) in the manifest's description and the schema.
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.fingerprint\ntopics:\n"
                        + "  orders:\n    description: \"Bestellungen \u00fc \u20ac \ud83d\udce6\"\n"
                        + "    key: id\n    events:\n      - schemas/placed.avsc\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("schemas/placed.avsc"),
                "{\"type\": \"record\", \"name\": \"Placed\", \"namespace\": \"com.example.fingerprint\","
                        + " \"doc\": \"\ud83d\udce6 \u00e9t\u00e9\", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}\n",
                StandardCharsets.UTF_8);
        configuration = CodegenConfiguration.defaults(temp.resolve("out"));
    }

    @Test
    void isTheSha256OfTheWholeText() throws Exception {
        Catalog catalog = CatalogLoader.load(dir);
        List<String> steps = List.of("avro", "json");
        Optional<String> plugin = Optional.of("codegen-maven-plugin 1.0");

        String text = Fingerprint.text(catalog, configuration, steps, plugin);
        String whole = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(Fingerprint.of(catalog, configuration, steps, plugin)).isEqualTo(whole);
        assertThat(text)
                .contains("description=Optional[Bestellungen \u00fc \u20ac \ud83d\udce6]")
                .contains("\"doc\": \"\ud83d\udce6 \u00e9t\u00e9\"");
    }

    @Test
    void changesWithAnyInput() throws Exception {
        Catalog catalog = CatalogLoader.load(dir);
        String fingerprint = Fingerprint.of(catalog, configuration, List.of("avro"), Optional.empty());

        assertThat(Fingerprint.of(catalog, configuration, List.of("avro", "json"), Optional.empty()))
                .isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(catalog, configuration, List.of("avro"), Optional.of("plugin")))
                .isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(catalog, configuration.withBuilderThreshold(2), List.of("avro"), Optional.empty()))
                .isNotEqualTo(fingerprint);

        Path schema = dir.resolve("schemas/placed.avsc");
        Files.writeString(schema, Files.readString(schema).replace("\u00e9t\u00e9", "ete"), StandardCharsets.UTF_8);
        assertThat(Fingerprint.of(CatalogLoader.load(dir), configuration, List.of("avro"), Optional.empty()))
                .isNotEqualTo(fingerprint);
    }
}
