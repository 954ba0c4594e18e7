package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameCollisionTest {
    @TempDir
    Path temp;

    @Test
    void twoSchemasBecomingTheSameClassFailNamingBothFilesAndWriteNothing() {
        Path out = temp.resolve("out");
        GenerationRequest request =
                new GenerationRequest(Fixtures.catalog("collision"), CodegenConfiguration.defaults(out));

        assertThatThrownBy(() -> CodeGenerator.standard().generate(request))
                .isInstanceOfSatisfying(CodegenException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    CodegenProblem problem = e.problems().get(0);
                    assertThat(problem.file()).isEqualTo("schemas/order_placed.json");
                    assertThat(problem.location()).isEqualTo("#/$defs/Customer");
                    assertThat(problem.toString())
                            .isEqualTo("schemas/order_placed.json:#/$defs/Customer:"
                                    + " this schema and schemas/customer.json would both become the Java class"
                                    + " com.example.clash.Customer — rename one of them (JSON Schema: \"title\" or the"
                                    + " $defs name; Avro: \"name\" or \"namespace\")");
                });
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void topicsDifferingOnlyInCaseNameBothTopicKeysWithLineAndColumn() throws IOException {
        Path catalog = topics("things", "Things");

        assertThatThrownBy(() -> CodeGenerator.standard()
                        .generate(new GenerationRequest(
                                CatalogLoader.load(catalog), CodegenConfiguration.defaults(temp.resolve("out")))))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("catalog.yaml:8:3: topics \"things\" (catalog.yaml:3:3) and"
                                + " \"Things\" would both get the Java classes ThingsProducer, ThingsHandler and"
                                + " ThingsConsumer, which are named after the topic — rename one of the two topic"
                                + " keys under \"topics\" (the Kafka topic is renamed with it) so that the names"
                                + " differ in more than case and '-', '_' or '.'"));
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    @Test
    void topicsDifferingOnlyInPunctuationCollideToo() throws IOException {
        Path catalog = topics("order-placed", "order_placed");

        assertThatThrownBy(() -> CodeGenerator.standard()
                        .generateInMemory(new GenerationRequest(
                                CatalogLoader.load(catalog), CodegenConfiguration.defaults(temp.resolve("out")))))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .containsExactly("catalog.yaml:8:3: topics \"order-placed\" (catalog.yaml:3:3) and"
                                + " \"order_placed\" would both get the Java classes OrderPlacedProducer,"
                                + " OrderPlacedHandler and OrderPlacedConsumer, which are named after the topic —"
                                + " rename one of the two topic keys under \"topics\" (the Kafka topic is renamed"
                                + " with it) so that the names differ in more than case and '-', '_' or '.'"));
    }

    private Path topics(String first, String second) throws IOException {
        Path dir = temp.resolve("catalog");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(
                dir.resolve("catalog.yaml"),
                "package: com.example.clash\n"
                        + "topics:\n"
                        + "  " + first + ":\n    key: id\n    events:\n      - schemas/added.json\n\n"
                        + "  " + second + ":\n    key: id\n    events:\n      - schemas/removed.json\n");
        for (String title : new String[] {"added", "removed"}) {
            Files.writeString(
                    dir.resolve("schemas/" + title + ".json"),
                    "{\"title\": \"Thing_" + title
                            + "\", \"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}},"
                            + " \"required\": [\"id\"]}");
        }
        return dir;
    }

    @Test
    void sameSchemaReachedByManyReferencesIsOneType() {
        // ShipmentBooked refers to #/$defs/Address three times and to carrier.json twice.
        assertThat(CodeGenerator.records()
                        .generateInMemory(new GenerationRequest(
                                Fixtures.catalog("json-types"), CodegenConfiguration.defaults(temp))))
                .extracting(GeneratedFile::path)
                .containsExactly(
                        "com/example/jsontypes/Address.java",
                        "com/example/jsontypes/Carrier.java",
                        "com/example/jsontypes/NamesAndEnums.java",
                        "com/example/jsontypes/ServiceLevel.java",
                        "com/example/jsontypes/ShipmentBooked.java",
                        "com/example/jsontypes/TimeWindow.java");
    }
}
