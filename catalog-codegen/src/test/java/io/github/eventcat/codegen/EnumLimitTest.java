package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.catalog.CatalogLimits;
import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enum at the catalog's limit of symbols compiles, Avro's (from Avro's own template) and JSON
 * Schema's: javac refused 3,500 JSON Schema values and 5,000 Avro symbols ("code too large"), and
 * the catalog now refuses more than {@link CatalogLimits#MAX_ENUM_SYMBOLS} (schema-catalog's
 * CatalogLimitsTest).
 */
class EnumLimitTest {
    @TempDir
    Path temp;

    @Test
    void enumsOfAsManySymbolsAsTheCatalogAllowsCompile() throws Exception {
        String symbols = IntStream.range(0, CatalogLimits.MAX_ENUM_SYMBOLS)
                .mapToObj(i -> "\"S" + i + "\"")
                .collect(Collectors.joining(","));
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.enums\ntopics:\n"
                        + "  avro:\n    key: id\n    events:\n      - schemas/coded.avsc\n"
                        + "  json:\n    key: id\n    events:\n      - schemas/listed.json\n");
        Files.writeString(
                dir.resolve("schemas/coded.avsc"),
                "{\"type\": \"record\", \"name\": \"Coded\", \"namespace\": \"com.example.enums\", \"fields\": ["
                        + "{\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"code\", \"type\": {\"type\": \"enum\","
                        + " \"name\": \"Code\", \"symbols\": [" + symbols + "]}}]}");
        Files.writeString(
                dir.resolve("schemas/listed.json"),
                "{\"title\": \"Listed\", \"type\": \"object\", \"required\": [\"id\"], \"properties\": {"
                        + "\"id\": {\"type\": \"string\"}, \"value\": {\"type\": \"string\", \"enum\": [" + symbols
                        + "]}}}");

        List<GeneratedFile> files = CodeGenerator.standard()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        ClassLoader loader = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"));

        assertThat(loader.loadClass("com.example.enums.Code").getEnumConstants())
                .hasSize(CatalogLimits.MAX_ENUM_SYMBOLS);
        assertThat(loader.loadClass("com.example.enums.Listed$Value").getEnumConstants())
                .hasSize(CatalogLimits.MAX_ENUM_SYMBOLS);
    }
}
