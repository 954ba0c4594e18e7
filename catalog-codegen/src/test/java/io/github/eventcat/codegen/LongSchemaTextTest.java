package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema file longer than a class file's string constant can hold (65,535 bytes) still gives
 * code that compiles, and the generated constant holds the file's exact text: javac refused the
 * single literal with "constant string too long".
 */
class LongSchemaTextTest {
    @TempDir
    Path temp;

    @Test
    void schemaFilesOverSixtyFourKilobytesCompileAndKeepTheirExactText() throws Exception {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.big\n"
                        + "topics:\n"
                        + "  documented:\n    key: id\n    events:\n      - schemas/documented.avsc\n"
                        + "  minified:\n    key: id\n    events:\n      - schemas/minified.json\n");
        // Pretty-printed, with two- and three-byte characters in the docs: 450 lines, ~200,000 bytes.
        String fields = IntStream.range(0, 450)
                .mapToObj(i -> "    {\"name\": \"field_" + i + "\", \"type\": \"string\", \"doc\": \"Feld " + i + " — "
                        + "ein langes Dokument über das Feld ".repeat(10)
                        // What javac would read as a comment end, a line break or a quote if the
                        // text reached the source unescaped, on every line and so at every cut.
                        + " \\u002a/ */ \\\" \\u000a \\\\\"}")
                .collect(Collectors.joining(",\n"));
        String avro = "{\n  \"type\": \"record\",\n  \"name\": \"Documented\",\n  \"namespace\": \"com.example.big\",\n"
                + "  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"},\n" + fields + "\n  ]\n}\n";
        // Minified: one line of ~100,000 bytes, nothing to cut at but characters (a 𝄞 among them).
        String properties = IntStream.range(0, 200)
                .mapToObj(i -> "\"p" + i + "\":{\"type\":\"string\",\"description\":\"𝄞 property " + i + ": "
                        + "a long description of a property of a minified schema. ".repeat(8) + "\"}")
                .collect(Collectors.joining(","));
        String json = "{\"title\":\"Minified\",\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                + properties + "},\"required\":[\"id\"]}";
        Files.writeString(dir.resolve("schemas/documented.avsc"), avro, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("schemas/minified.json"), json, StandardCharsets.UTF_8);
        assertThat(JavaText.constantParts(avro)).hasSize(4);
        assertThat(JavaText.modifiedUtf8Length(json, 0, json.length())).isGreaterThan(JavaText.MAX_CONSTANT_BYTES);

        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        Class<?> schemas = loader.loadClass("com.example.big.EventCatalog$Schemas");
        assertThat(schemas.getField("DOCUMENTED").get(null)).isEqualTo(avro);
        assertThat(schemas.getField("MINIFIED").get(null)).isEqualTo(json);
    }

    @Test
    void aCutNeverJoinsABackslashToWhatFollowsIt() throws Exception {
        // javac reads \\u002a before it parses literals: with the cut right after the backslash, the
        // next part must not begin an escape with it.
        String text = "a".repeat(JavaText.MAX_CONSTANT_BYTES - 1) + "\\u002a/ \\\"\n" + "b\\\n".repeat(3);
        List<String> parts = JavaText.constantParts(text);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).endsWith("a\\");
        Path source = temp.resolve("src/p/Cut.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package p;\n\npublic final class Cut {\n  public static final String TEXT = "
                        + JavaText.stringExpression(parts, TopicSources.INDENT) + ";\n}\n",
                StandardCharsets.UTF_8);
        Path classes = temp.resolve("classes");
        Compiler.compilePaths(List.of(source), classes);
        try (java.net.URLClassLoader loader =
                new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()})) {
            assertThat(loader.loadClass("p.Cut").getField("TEXT").get(null)).isEqualTo(text);
        }
    }
}
