package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example payload is valid: Avro's JSON decoder reads it, the JSON Schema validator accepts it. */
class ExamplePayloadTest {
    private static final String BASE = "https://catalog.invalid/";

    @TempDir
    Path temp;

    @Test
    void exampleCatalogsPayloadsAreValid() throws Exception {
        assertValid(CatalogLoader.load(DocsGeneratorTest.EXAMPLE));
    }

    @Test
    void payloadsOfEveryKindOfTypeAreValid() throws Exception {
        Files.createDirectories(temp.resolve("s"));
        Files.writeString(temp.resolve("catalog.yaml"), """
        package: com.example.kinds
        topics:
          avro-kinds:
            key: id
            events: [s/avro_kinds.avsc]
          json-kinds:
            key: id
            events: [s/json_kinds.json]
        """);
        Files.writeString(temp.resolve("s/avro_kinds.avsc"), """
        {"type": "record", "name": "AvroKinds", "namespace": "com.example.kinds", "fields": [
          {"name": "id", "type": "string"},
          {"name": "day", "type": {"type": "int", "logicalType": "date"}},
          {"name": "at_micros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
          {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 3}},
          {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
          {"name": "tags", "type": {"type": "map", "values": {"type": "array", "items": "double"}}},
          {"name": "flag", "type": ["null", "boolean"], "default": null},
          {"name": "either", "type": ["string", "long"]},
          {"name": "next", "type": ["null", "AvroKinds"], "default": null}
        ]}
        """);
        Files.writeString(temp.resolve("s/json_kinds.json"), """
        {"$schema": "http://json-schema.org/draft-07/schema#", "title": "JsonKinds", "type": "object",
         "definitions": {"code": {"type": "string", "pattern": "^[a-z]+$", "minLength": 3}},
         "properties": {
           "id": {"type": "string"},
           "count": {"type": "integer", "minimum": 10, "multipleOf": 5},
           "ratio": {"type": "number", "maximum": 1},
           "price": {"type": "number", "multipleOf": 0.01},
           "when": {"type": "string", "format": "date"},
           "site": {"type": "string", "format": "uri"},
           "short": {"type": "string", "maxLength": 3},
           "kind": {"const": "fixed"},
           "choice": {"oneOf": [{"type": "integer"}, {"type": "string", "format": "email"}]},
           "both": {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                              {"type": "object", "properties": {"b": {"type": "boolean"}}}]},
           "items": {"type": "array", "minItems": 2, "items": {"type": "string", "format": "uuid"}},
           "maybe": {"type": ["null", "string"], "format": "ipv4"}
         },
         "required": ["id", "count", "items"]}
        """);
        assertValid(CatalogLoader.load(temp));
    }

    static void assertValid(Catalog catalog) throws Exception {
        CatalogView view = new CatalogView(catalog);
        for (Event event : catalog.events()) {
            String example = Examples.of(view, event);
            if (event.format() == SchemaFormat.AVRO) {
                Schema schema = view.avroRecord(event);
                GenericRecord read = new GenericDatumReader<GenericRecord>(schema)
                        .read(null, DecoderFactory.get().jsonDecoder(schema, example));
                assertThat(read.getSchema().getFullName()).isEqualTo(event.recordFullName());
            } else {
                Set<ValidationMessage> problems =
                        jsonSchema(catalog, event.schemaFile()).validate(new ObjectMapper().readTree(example));
                assertThat(problems)
                        .as("%s example:%n%s", event.name(), example)
                        .isEmpty();
            }
        }
    }

    private static JsonSchema jsonSchema(Catalog catalog, SchemaFile file) {
        Map<String, String> texts = new HashMap<>();
        catalog.schemaFiles().forEach(f -> texts.put(BASE + f.path(), f.text()));
        JsonNode root = catalog.jsonSchema(file);
        SpecVersion.VersionFlag version =
                SpecVersionDetector.detectOptionalVersion(root, false).orElse(SpecVersion.VersionFlag.V202012);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                version, builder -> builder.schemaLoaders(loaders -> loaders.schemas(texts)));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(BASE + file.path()), config);
    }
}
