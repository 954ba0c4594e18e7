package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JSON Schema files of one catalog may share a name in different folders, each referred to as
 * {@code common.json} by its neighbours. The gate must compare each {@code $ref} with the file it
 * leads to, not with whichever file of that written name it met first.
 */
class SameNamedReferencesTest {
    @TempDir
    Path temp;

    private static final String EVENT = """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "PartMoved",
        "type": "object",
        "properties": {
          "part_id": {"type": "string"},
          "from": {"$ref": "common.json#/$defs/Place"},
          "to": {"$ref": "../shop/wrapper.json"}
        },
        "required": ["part_id", "from", "to"]
      }
      """;
    private static final String WRAPPER = """
      {"type": "object", "properties": {"place": {"$ref": "common.json#/$defs/Place"}}}
      """;

    private static String common(String placeType) {
        return "{\"$defs\": {\"Place\": {\"type\": \"" + placeType + "\"}}}";
    }

    private Path catalog(String name, String shopPlaceType) throws IOException {
        Path root = temp.resolve(name);
        write(root.resolve("catalog.yaml"), """
        package: com.example.parts
        compatibility: BACKWARD
        topics:
          parts:
            key: part_id
            events:
              - schema: schemas/stock/part_moved.json
        """);
        write(root.resolve("schemas/stock/part_moved.json"), EVENT);
        write(root.resolve("schemas/stock/common.json"), common("string"));
        write(root.resolve("schemas/shop/wrapper.json"), WRAPPER);
        write(root.resolve("schemas/shop/common.json"), common(shopPlaceType));
        return root;
    }

    @Test
    void aChangeInTheSecondSameNamedFileIsCompared() throws IOException {
        Path baseline = catalog("baseline", "integer");
        Path current = catalog("current", "string"); // shop's Place: integer -> string, a breaking change

        CompatibilityGateResult result = CatalogCompatibilityGate.run(new CompatibilityGateRequest(
                current,
                "src/main/catalog",
                List.of(BaselineSource.directory(baseline, "1.0.0")),
                false,
                Optional.empty()));

        assertThat(result.isCompatible()).as(result.text()).isFalse();
        assertThat(result.breakingChecks()).singleElement().satisfies(check -> assertThat(
                        check.report().findings())
                .anySatisfy(finding -> assertThat(finding.path()).contains("to")));
    }

    @Test
    void unchangedSameNamedFilesAreCompatible() throws IOException {
        Path baseline = catalog("baseline", "integer");
        Path current = catalog("current", "integer");

        CompatibilityGateResult result = CatalogCompatibilityGate.run(new CompatibilityGateRequest(
                current,
                "src/main/catalog",
                List.of(BaselineSource.directory(baseline, "1.0.0")),
                false,
                Optional.empty()));

        assertThat(result.isCompatible()).as(result.text()).isTrue();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
