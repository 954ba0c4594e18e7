package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.MANIFEST;
import static io.github.eventcat.catalog.TestCatalogs.THING_CREATED;
import static io.github.eventcat.catalog.TestCatalogs.problems;
import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML aliases are refused rather than read as the anchor's name or expanded; an alias bomb is
 * refused as fast as any other manifest, with one problem. (A plain alias: bad-catalogs/yaml-alias.)
 */
class YamlAliasTest {
    @TempDir
    Path root;

    @Test
    void anAliasBombIsRefusedFastWithOneProblem() throws IOException {
        StringBuilder bomb = new StringBuilder(MANIFEST).append("description:\n");
        bomb.append("  a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append("  ").append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = name;
        }
        write(root.resolve("catalog.yaml"), bomb.toString());
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        long start = System.nanoTime();
        List<String> problems = problems(root);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(problems)
                .containsExactly("catalog.yaml:9:10: YAML anchors and aliases are not"
                        + " supported in catalog.yaml: write the value out instead of the alias *a (81 aliases in"
                        + " the file, the first here)");
        assertThat(millis).as("milliseconds to refuse the bomb").isLessThan(2_000);
    }

    @Test
    void aMergeKeyIsAnAliasToo() throws IOException {
        write(
                root.resolve("catalog.yaml"),
                "package: com.example.events\n"
                        + "topics:\n"
                        + "  things: &defaults\n"
                        + "    key: id\n"
                        + "    events: [schemas/thing_created.avsc]\n"
                        + "  others:\n"
                        + "    <<: *defaults\n"
                        + "    partitions: 3\n");
        write(root.resolve("schemas/thing_created.avsc"), THING_CREATED);

        assertThat(problems(root))
                .containsExactly("catalog.yaml:7:9: YAML anchors and aliases are"
                        + " not supported in catalog.yaml: write the value out instead of the alias *defaults");
    }
}
