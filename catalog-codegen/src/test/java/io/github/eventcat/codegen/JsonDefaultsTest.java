package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Schema {@code "default"} fills a missing optional property when Jackson reads the record,
 * when the record is built, and when the constructor is called with null.
 */
class JsonDefaultsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SCHEMA = """
      {
        "title": "PriceSet",
        "type": "object",
        "properties": {
          "id": {"type": "string"},
          "currency": {"type": "string", "default": "EUR"},
          "quantity": {"type": "integer", "default": 1},
          "big_quantity": {"type": "integer", "format": "int64", "default": 5000000000},
          "ratio": {"type": "number", "default": 0.5},
          "amount": {"type": "number", "multipleOf": 0.01, "default": 12.50},
          "gift": {"type": "boolean", "default": true},
          "channel": {"type": "string", "enum": ["web", "in-store"], "default": "in-store"},
          "level": {"$ref": "#/$defs/Level", "default": "gold"},
          "note": {"type": ["string", "null"], "default": "n/a"},
          "region": {"type": "string", "default": "EU"}
        },
        "required": ["id", "region"],
        "$defs": {"Level": {"type": "string", "enum": ["silver", "gold"]}}
      }
      """;

    @TempDir
    static Path temp;

    private static Class<?> priceSet;

    @BeforeAll
    static void compile() throws Exception {
        Path dir = catalog(temp.resolve("catalog"), SCHEMA);
        List<GeneratedFile> files = CodeGenerator.records()
                .generateInMemory(new GenerationRequest(
                        CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("unused"))));
        priceSet = Compiler.compile(files, temp.resolve("src"), temp.resolve("classes"))
                .loadClass("com.example.prices.PriceSet");
    }

    @Test
    void missingOptionalPropertiesReadAsTheirDefaults() throws Exception {
        Object read = MAPPER.readValue("{\"id\": \"p-1\", \"region\": \"US\"}", priceSet);

        assertThat(value(read, "currency")).isEqualTo("EUR");
        assertThat(value(read, "quantity")).isEqualTo(1);
        assertThat(value(read, "bigQuantity")).isEqualTo(5_000_000_000L);
        assertThat(value(read, "ratio")).isEqualTo(0.5);
        assertThat(value(read, "amount")).isEqualTo(new BigDecimal("12.5"));
        assertThat(value(read, "gift")).isEqualTo(true);
        assertThat(value(read, "channel").toString()).isEqualTo("IN_STORE");
        assertThat(value(read, "level").toString()).isEqualTo("GOLD");
        // null is a value of "note" of its own: absent and null cannot be told apart, no default.
        assertThat(value(read, "note")).isNull();
        assertThat(value(read, "region")).isEqualTo("US");
    }

    @Test
    void presentPropertiesKeepTheirValues() throws Exception {
        Object read = MAPPER.readValue(
                "{\"id\": \"p-1\", \"region\": \"US\", \"currency\": \"USD\","
                        + " \"quantity\": 0, \"gift\": false, \"channel\": \"web\"}",
                priceSet);

        assertThat(value(read, "currency")).isEqualTo("USD");
        assertThat(value(read, "quantity")).isEqualTo(0);
        assertThat(value(read, "gift")).isEqualTo(false);
        assertThat(value(read, "channel").toString()).isEqualTo("WEB");
    }

    @Test
    void buildersApplyTheDefaultsToo() throws Exception {
        Object builder = priceSet.getMethod("builder").invoke(null);
        builder.getClass().getMethod("id", String.class).invoke(builder, "p-1");
        builder.getClass().getMethod("region", String.class).invoke(builder, "US");
        Object built = builder.getClass().getMethod("build").invoke(builder);

        assertThat(value(built, "currency")).isEqualTo("EUR");
        assertThat(value(built, "quantity")).isEqualTo(1);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(built))
                        .get("currency")
                        .asText())
                .isEqualTo("EUR");
    }

    @Test
    void aDefaultThatDoesNotFitTheTypeIsReportedWithItsLocation() throws IOException {
        Path dir = catalog(temp.resolve("wrong"), """
        {"title": "PriceSet", "type": "object",
         "properties": {"id": {"type": "string"}, "quantity": {"type": "integer", "default": "one"}},
         "required": ["id"]}
        """);

        assertThatThrownBy(() -> CodeGenerator.records()
                        .generateInMemory(new GenerationRequest(
                                CatalogLoader.load(dir), CodegenConfiguration.defaults(temp.resolve("out")))))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("schemas/price_set.json:#/properties/quantity/default: \"default\":"
                                + " \"one\" is not a whole number within int range, the type of this property:"
                                + " fix the default or the type"));
    }

    private static Object value(Object record, String component) throws Exception {
        return record.getClass().getMethod(component).invoke(record);
    }

    private static Path catalog(Path dir, String schema) throws IOException {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.prices\n"
                        + "topics:\n  prices:\n    key: id\n    events:\n      - schemas/price_set.json\n");
        Files.writeString(dir.resolve("schemas/price_set.json"), schema);
        return dir;
    }
}
