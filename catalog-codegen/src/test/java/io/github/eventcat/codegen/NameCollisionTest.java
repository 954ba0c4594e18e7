package io.github.eventcat.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameCollisionTest {
  @TempDir Path temp;

  @Test
  void twoSchemasBecomingTheSameClassFailNamingBothFilesAndWriteNothing() {
    Path out = temp.resolve("out");
    GenerationRequest request = new GenerationRequest(
        Fixtures.catalog("collision"), CodegenConfiguration.defaults(out));

    assertThatThrownBy(() -> CodeGenerator.standard().generate(request))
        .isInstanceOfSatisfying(CodegenException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          CodegenProblem problem = e.problems().get(0);
          assertThat(problem.file()).isEqualTo("schemas/order_placed.json");
          assertThat(problem.location()).isEqualTo("#/$defs/Customer");
          assertThat(problem.toString()).isEqualTo("schemas/order_placed.json:#/$defs/Customer:"
              + " this schema and schemas/customer.json would both become the Java class"
              + " com.example.clash.Customer — rename one of them (JSON Schema: \"title\" or the"
              + " $defs name; Avro: \"name\" or \"namespace\")");
        });
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void sameSchemaReachedByManyReferencesIsOneType() {
    // ShipmentBooked refers to #/$defs/Address three times and to carrier.json twice.
    assertThat(CodeGenerator.records().generateInMemory(new GenerationRequest(
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
