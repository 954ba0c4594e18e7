package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's schema graph: the one resolution of references that code generation and the
 * compatibility rules read, so it must say exactly what the loader checked.
 */
class SchemaGraphTest {
    private static final String MANIFEST = """
      package: com.example.events
      topics:
        orders:
          key: id
          events:
            - schemas/avro/order_placed.avsc
        tasks:
          key: id
          events:
            - schemas/json/task_event.json
      """;

    private static final String MONEY = """
      {"type": "record", "name": "Money", "namespace": "com.example.shared", "fields": [
        {"name": "amount", "type": "long"},
        {"name": "currency", "type": {"type": "enum", "name": "Currency", "symbols": ["EUR"]}}
      ]}
      """;

    private static final String ORDER_PLACED = """
      {"type": "record", "name": "OrderPlaced", "namespace": "com.example", "fields": [
        {"name": "id", "type": "string"},
        {"name": "total", "type": "com.example.shared.Money"}
      ]}
      """;

    private static final String TASK_EVENT = """
      {
        "title": "TaskEvent",
        "type": "object",
        "properties": {
          "id": {"type": "string"},
          "data": {"$ref": "shared/task_data.json"},
          "priority": {"$ref": "#/$defs/Alias"},
          "status": {"$ref": "status.json#/$defs/Status"}
        },
        "required": ["id"],
        "$defs": {
          "Alias": {"$ref": "shared/task_data.json#/$defs/Priority"}
        }
      }
      """;

    private static final String TASK_DATA = """
      {
        "type": "object",
        "properties": {"status": {"$ref": "../status.json#/$defs/Status"}},
        "$defs": {"Priority": {"type": "string", "enum": ["LOW", "HIGH"]}}
      }
      """;

    private static final String STATUS = """
      {"$defs": {"Status": {"type": "string", "enum": ["OPEN", "DONE"]}}}
      """;

    @TempDir
    Path root;

    private Catalog catalog;

    @BeforeEach
    void load() throws IOException {
        write(root.resolve("catalog.yaml"), MANIFEST);
        write(root.resolve("schemas/avro/order_placed.avsc"), ORDER_PLACED);
        write(root.resolve("schemas/common/money.avsc"), MONEY);
        write(root.resolve("schemas/json/task_event.json"), TASK_EVENT);
        write(root.resolve("schemas/json/shared/task_data.json"), TASK_DATA);
        write(root.resolve("schemas/json/status.json"), STATUS);
        catalog = CatalogLoader.load(root);
    }

    private Event event(String javaType) {
        return catalog.events().stream()
                .filter(e -> e.javaTypeName().equals(javaType))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEventsGraphListsTheFilesItUsesDependenciesFirst() {
        SchemaGraph graph = catalog.schemaGraph(event("com.example.events.TaskEvent"));

        assertThat(graph.root()).map(SchemaFile::path).hasValue("schemas/json/task_event.json");
        assertThat(graph.referencedFiles())
                .extracting(SchemaFile::path)
                .containsExactly("schemas/json/status.json", "schemas/json/shared/task_data.json");
        assertThat(graph.files())
                .extracting(SchemaFile::path)
                .containsExactly(
                        "schemas/json/status.json",
                        "schemas/json/shared/task_data.json",
                        "schemas/json/task_event.json");
        assertThat(catalog.referencesInRegistrationOrder(
                        event("com.example.events.TaskEvent").schemaFile()))
                .isEqualTo(graph.referencedFiles());
        assertThat(graph.contains("schemas/avro/order_placed.avsc")).isFalse();
    }

    @Test
    void aRefResolvesToTheFilePointerAndSchemaItNames() {
        SchemaGraph graph = catalog.schemaGraph();

        SchemaGraph.Resolved priority = graph.resolve(
                        "schemas/json/task_event.json", "shared/task_data.json#/$defs/Priority")
                .orElseThrow();
        assertThat(priority.file()).isEqualTo("schemas/json/shared/task_data.json");
        assertThat(priority.pointer()).isEqualTo("/$defs/Priority");
        assertThat(priority.node().path("enum").toString()).isEqualTo("[\"LOW\",\"HIGH\"]");

        // Relative to the referring file, whichever file that is.
        assertThat(graph.resolve("schemas/json/shared/task_data.json", "../status.json#/$defs/Status"))
                .map(SchemaGraph.Resolved::file)
                .hasValue("schemas/json/status.json");
        // A whole document, and a pointer into the referring file itself.
        assertThat(graph.resolve("schemas/json/task_event.json", "shared/task_data.json"))
                .map(SchemaGraph.Resolved::pointer)
                .hasValue("");
        assertThat(graph.resolve("schemas/json/task_event.json", "#/$defs/Alias"))
                .map(SchemaGraph.Resolved::file)
                .hasValue("schemas/json/task_event.json");
        // Only what the file really refers to: the graph knows the loader's checked references.
        assertThat(graph.resolve("schemas/json/task_event.json", "elsewhere.json"))
                .isEmpty();
        assertThat(graph.resolve("schemas/json/task_event.json", "#no-pointer")).isEmpty();
    }

    @Test
    void followGoesThroughAChainOfRefsAcrossFiles() {
        SchemaGraph graph = catalog.schemaGraph();
        SchemaGraph.Resolved property =
                graph.at("schemas/json/task_event.json", "/properties/priority").orElseThrow();

        SchemaGraph.Resolved target = graph.follow(property);

        assertThat(target.file()).isEqualTo("schemas/json/shared/task_data.json");
        assertThat(target.pointer()).isEqualTo("/$defs/Priority");
        // A schema without $ref is its own target.
        assertThat(graph.follow(target)).isEqualTo(target);
    }

    @Test
    void anEventsGraphResolvesOnlyInsideItself() {
        SchemaGraph avro = catalog.schemaGraph(event("com.example.OrderPlaced"));

        assertThat(avro.resolve("schemas/json/task_event.json", "#/$defs/Alias"))
                .isEmpty();
        assertThat(avro.at("schemas/json/status.json", "")).isEmpty();
    }

    @Test
    void avroNamedTypesNameTheirDefiningFileAndPointer() {
        SchemaGraph.AvroNamedType currency = catalog.schemaGraph()
                .avroNamedType("com.example.shared.Currency")
                .orElseThrow();

        assertThat(currency.file()).isEqualTo("schemas/common/money.avsc");
        assertThat(currency.pointer()).isEqualTo("/fields/1/type");
        assertThat(currency.schema().getType()).isEqualTo(Schema.Type.ENUM);
        assertThat(catalog.schemaGraph().avroNamedTypes().keySet())
                .containsExactly("com.example.OrderPlaced", "com.example.shared.Currency", "com.example.shared.Money");

        SchemaGraph order = catalog.schemaGraph(event("com.example.OrderPlaced"));
        assertThat(order.referencedFiles()).extracting(SchemaFile::path).containsExactly("schemas/common/money.avsc");
        assertThat(order.avroNamedTypes())
                .containsOnlyKeys("com.example.OrderPlaced", "com.example.shared.Currency", "com.example.shared.Money");
        // The type as parsed in its defining file: what the event's schema uses.
        assertThat(order.avroNamedType("com.example.shared.Money").orElseThrow().schema())
                .isEqualTo(catalog.avroSchema(order.root().orElseThrow())
                        .getField("total")
                        .schema());
        assertThat(catalog.schemaGraph(event("com.example.events.TaskEvent")).avroNamedTypes())
                .isEmpty();
    }

    @Test
    void anAvroTypeUsedAcrossFilesIsOneSchemaObject() {
        // The referring file is parsed with its dependency's types, not with copies of them: one
        // type, one object in the model (and no copy made per referring file while loading).
        Schema money = catalog.schemaGraph()
                .avroNamedType("com.example.shared.Money")
                .orElseThrow()
                .schema();
        Schema order = catalog.avroSchema(
                catalog.schemaFile("schemas/avro/order_placed.avsc").orElseThrow());

        assertThat(order.getField("total").schema()).isSameAs(money);
        assertThat(catalog.avroSchema(
                        catalog.schemaFile("schemas/common/money.avsc").orElseThrow()))
                .isSameAs(money);
    }

    @Test
    void theGraphCannotBeChanged() {
        SchemaGraph graph = catalog.schemaGraph();

        assertThatThrownBy(() -> graph.files().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> graph.avroNamedTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
        SchemaGraph event = catalog.schemaGraph(event("com.example.OrderPlaced"));
        assertThatThrownBy(() -> event.avroNamedTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.referencedFiles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStandaloneDocumentResolvesItsOwnPointersOnly() throws IOException {
        JsonNode bundle = new ObjectMapper()
                .readTree("{\"properties\": {\"a\": {\"$ref\": \"#/$defs/A\"}, \"b\": {\"$ref\": \"other.json\"}},"
                        + " \"$defs\": {\"A\": {\"type\": \"integer\"}}}");
        SchemaGraph graph = SchemaGraph.ofDocument("bundle.json", bundle);

        assertThat(graph.follow(graph.at("bundle.json", "/properties/a").orElseThrow())
                        .pointer())
                .isEqualTo("/$defs/A");
        SchemaGraph.Resolved external = graph.at("bundle.json", "/properties/b").orElseThrow();
        assertThat(graph.follow(external)).isEqualTo(external);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "creating symbolic links needs a privilege")
    void aRefThroughALinkedFolderResolvesToWhereTheFileReallyIs() throws IOException {
        write(
                root.resolve("schemas/json/task_event.json"),
                TASK_EVENT.replace("\"shared/task_data.json\"", "\"linked/task_data.json\""));
        Files.createSymbolicLink(root.resolve("schemas/json/linked"), root.resolve("schemas/json/shared"));
        Catalog linked = CatalogLoader.load(root);

        assertThat(linked.schemaGraph().resolve("schemas/json/task_event.json", "linked/task_data.json"))
                .map(SchemaGraph.Resolved::file)
                .hasValue("schemas/json/shared/task_data.json");
        assertThat(linked.schemaGraph().files())
                .extracting(SchemaFile::path)
                .doesNotContain("schemas/json/linked/task_data.json");
        assertThat(List.of(linked.schemaGraph().toString())).isNotEmpty();
    }
}
