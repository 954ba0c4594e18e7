package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.ParseContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro builds each schema from the tree the loader parsed: the schema must be the one Avro's own
 * parser makes from the text, to the last property.
 */
class AvroTreeParserTest {
    private static final String MONEY = """
      {"type": "record", "name": "Money", "namespace": "com.example.shared", "fields": [
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR", "USD"],
          "default": "EUR", "aliases": ["Ccy"]}}
      ]}
      """;

    private static final String ORDER = """
      {
        "type": "record", "name": "OrderPlaced", "namespace": "com.example",
        "doc": "An order was placed.", "aliases": ["OrderCreated"], "x-owner": {"team": "orders", "tags": [1, 2.5]},
        "fields": [
          {"name": "id", "type": {"type": "string", "logicalType": "uuid"}, "doc": "The order."},
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}, "order": "descending"},
          {"name": "total", "type": "com.example.shared.Money"},
          {"name": "note", "type": ["null", "string"], "default": null, "aliases": ["comment"]},
          {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
            {"name": "sku", "type": "string", "default": "none"},
            {"name": "quantity", "type": "int", "default": 1},
            {"name": "weight", "type": "double", "default": 0.25}
          ]}}, "default": []},
          {"name": "tags", "type": {"type": "map", "values": "long"}, "default": {"a": 1}},
          {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
          {"name": "flags", "type": {"type": "int", "x-unit": "bits"}, "default": 7}
        ]
      }
      """;

    private static final String BAD_DEFAULTS = """
      {"type": "record", "name": "ThingCreated", "namespace": "com.example", "fields": [
        {"name": "id", "type": "string"},
        {"name": "age", "type": "int", "default": "old"},
        {"name": "size", "type": "long", "default": "big"}
      ]}
      """;

    @TempDir
    Path root;

    @Test
    void thisAvroBuildsSchemasFromTrees() {
        // Avro's Schema.parse(JsonNode, ParseContext, String) is package-private: if an upgrade
        // removes or changes it, every file is parsed from its text once more (still correct, slower).
        assertThat(AvroTreeParser.fromTrees()).isTrue();
    }

    @Test
    void theSchemaFromTheTreeIsTheSchemaFromTheText() {
        ParseContext fromTree = new ParseContext();
        ParseContext fromText = new ParseContext();
        Schema moneyFromTree = AvroTreeParser.parse(document(MONEY), fromTree);
        Schema moneyFromText = new Schema.Parser(fromText).parseInternal(MONEY);
        fromTree.commit();
        fromText.commit();

        Schema orderFromTree = AvroTreeParser.parse(document(ORDER), fromTree);
        Schema orderFromText = new Schema.Parser(fromText).parseInternal(ORDER);

        assertThat(moneyFromTree).isEqualTo(moneyFromText);
        assertThat(orderFromTree).isEqualTo(orderFromText);
        assertThat(orderFromTree.toString(true)).isEqualTo(orderFromText.toString(true));
        assertThat(orderFromTree.getField("total").schema()).isSameAs(moneyFromTree);
        assertThat(orderFromTree.getObjectProp("x-owner")).isEqualTo(orderFromText.getObjectProp("x-owner"));
        assertThat(fromTree.typesByName().keySet())
                .containsExactlyElementsOf(fromText.typesByName().keySet())
                .contains("com.example.Line", "com.example.Hash", "com.example.shared.Currency");
    }

    @Test
    void aSchemaAvroRefusesFromTheTreeIsRefusedWithAvrosMessage() {
        String noFields = "{\"type\": \"record\", \"name\": \"A\"}";

        assertThatThrownBy(() -> AvroTreeParser.parse(document(noFields), new ParseContext()))
                .isInstanceOf(AvroRuntimeException.class)
                .hasMessageContaining("fields");
    }

    @Test
    void everyBadDefaultIsStillReportedWithItsPlace() throws IOException {
        // Built from a tree, Avro stops at the first bad default: the file is parsed again without
        // that check, so that the loader reports each one where it is.
        write(root.resolve("catalog.yaml"), TestCatalogs.MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), BAD_DEFAULTS);

        assertThat(TestCatalogs.problems(root))
                .containsExactly(
                        "schemas/thing_created.avsc:3:45: field \"age\" has default \"old\", which is not a valid int"
                                + " — give a default of the field's type (for a union, of its first type), or remove"
                                + " the default",
                        "schemas/thing_created.avsc:4:47: field \"size\" has default \"big\", which is not a valid"
                                + " long — give a default of the field's type (for a union, of its first type), or"
                                + " remove the default");
    }

    @Test
    void hostileFilesAreRefusedBeforeAvroBuildsAnything() throws IOException {
        // Deep nesting in a custom property (Avro keeps properties as trees), a type defined in two
        // files and a record name of 100,000 characters: the tree Avro gets has passed the limits.
        write(root.resolve("catalog.yaml"), """
                package: com.example.events
                subject-naming: RECORD
                topics:
                  things:
                    key: id
                    events:
                      - schemas/deep.avsc
                      - schemas/twice_a.avsc
                      - schemas/twice_b.avsc
                      - schemas/long_name.avsc
                """);
        String nested = "1";
        for (int i = 0; i < 64; i++) {
            nested = "[" + nested + "]";
        }
        // The record is level 1 and the property's array level 2: 64 arrays reach level 65.
        String deep = "{\"type\": \"record\", \"name\": \"Deep\", \"namespace\": \"com.example\", \"x-deep\": " + nested
                + ", \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
        write(root.resolve("schemas/deep.avsc"), deep);
        String twice = "{\"type\": \"record\", \"name\": \"Twice\", \"namespace\": \"com.example\","
                + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
        write(root.resolve("schemas/twice_a.avsc"), twice);
        write(root.resolve("schemas/twice_b.avsc"), twice);
        String longName = "N" + "n".repeat(99_999);
        write(
                root.resolve("schemas/long_name.avsc"),
                "{\"type\": \"record\", \"name\": \"" + longName + "\", \"namespace\": \"com.example\","
                        + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}");

        assertThat(TestCatalogs.problems(root))
                .containsExactly(
                        "schemas/deep.avsc:1:" + (deep.indexOf(nested) + 64)
                                + ": nested more than 64 levels deep, the limit: flatten the schema, e.g. define"
                                + " nested records as their own named types or files",
                        "schemas/twice_b.avsc:1:1: type \"com.example.Twice\" is already defined in"
                                + " schemas/twice_a.avsc: a named type must be defined in one file only — refer to it"
                                + " by name instead, or rename it");
    }

    @Test
    void typesThatReferToThemselvesOrToTypesDefinedLaterInTheFileAreResolved() throws IOException {
        // Avro adds a record to its context once its fields are built, so a record that refers to
        // itself, to the record around it or to a type defined further down the file is left as a
        // reference for Avro's resolver: the loader must resolve it, not report an undefined name.
        write(root.resolve("catalog.yaml"), """
                package: com.example.events
                subject-naming: RECORD
                topics:
                  trees:
                    key: id
                    events:
                      - schemas/node_added.avsc
                """);
        write(root.resolve("schemas/money.avsc"), MONEY);
        write(root.resolve("schemas/node_added.avsc"), """
                {"type": "record", "name": "NodeAdded", "namespace": "com.example", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "next", "type": ["null", "NodeAdded"], "default": null},
                  {"name": "child", "type": {"type": "record", "name": "Child", "fields": [
                    {"name": "parent", "type": ["null", "NodeAdded"], "default": null},
                    {"name": "later", "type": ["null", "Later"], "default": null},
                    {"name": "price", "type": "com.example.shared.Money"}
                  ]}},
                  {"name": "defined", "type": {"type": "record", "name": "Later", "fields": [
                    {"name": "n", "type": "int"}
                  ]}}
                ]}
                """);

        Catalog catalog = CatalogLoader.load(root);

        Event event = catalog.events().stream()
                .filter(e -> e.recordFullName().equals("com.example.NodeAdded"))
                .findFirst()
                .orElseThrow();
        Schema node = catalog.avroSchema(event.schemaFile());
        Schema next = node.getField("next").schema().getTypes().get(1);
        assertThat(next).isSameAs(node);
        Schema child = node.getField("child").schema();
        assertThat(child.getField("parent").schema().getTypes().get(1)).isSameAs(node);
        assertThat(child.getField("later").schema().getTypes().get(1))
                .isSameAs(node.getField("defined").schema());
        assertThat(child.getField("price").schema().getFullName()).isEqualTo("com.example.shared.Money");
        Schema.Parser reference = new Schema.Parser();
        reference.parse(MONEY);
        assertThat(node.toString())
                .isEqualTo(reference
                        .parse(Files.readString(root.resolve("schemas/node_added.avsc")))
                        .toString());
    }

    @Test
    void aHugeNameIsBuiltFromTheTreeAsFromTheText() {
        String longName = "N" + "n".repeat(99_999);
        String text = "{\"type\": \"record\", \"name\": \"" + longName + "\", \"namespace\": \"com.example\","
                + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";

        Schema fromTree = AvroTreeParser.parse(document(text), new ParseContext());

        assertThat(fromTree).isEqualTo(new Schema.Parser().parse(text));
        assertThat(fromTree.getName()).hasSize(100_000);
    }

    @Test
    void aFileWithMoreAfterTheSchemaIsRefusedAsAvroRefusesIt() throws IOException {
        // Jackson reads the first of several values; Avro's text parser refuses what follows.
        write(root.resolve("catalog.yaml"), TestCatalogs.MANIFEST);
        write(root.resolve("schemas/thing_created.avsc"), TestCatalogs.THING_CREATED + "{\"x\": 1}\n");

        assertThat(TestCatalogs.problems(root))
                .containsExactly("schemas/thing_created.avsc:1:1: Avro cannot parse the schema: dangling content after"
                        + " end of schema: {\"x\": 1}");
    }

    private static ParsedDocument document(String text) {
        ParsedDocument document =
                ParsedDocument.json("test.avsc", text, new Problems()).orElseThrow();
        assertThat(document.rootAlone()).isTrue();
        return document;
    }
}
