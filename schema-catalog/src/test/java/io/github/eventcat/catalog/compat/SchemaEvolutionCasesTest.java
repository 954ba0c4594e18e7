package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of schema-evolution cases under {@code src/test/resources/compat/<case>/}: versions
 * {@code v1.avsc|json, v2…} (the last one is the candidate, the others its history, oldest first),
 * documents that JSON {@code $ref}s point to under {@code refs-v<N>/}, and {@code expected.txt}
 * with one line per level: {@code LEVEL | compatible|incompatible | fragment; fragment}. Every
 * fragment must appear in the findings' messages, and every finding must carry a fix.
 */
class SchemaEvolutionCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path casesRoot() {
        try {
            return Path.of(SchemaEvolutionCasesTest.class.getResource("/compat").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> caseDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(casesRoot())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theTableHasAtLeastSixtyCasesCoveringBothFormats() throws IOException {
        List<String> names = caseDirectories().stream()
                .map(dir -> dir.getFileName().toString())
                .toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(60);
        assertThat(names).filteredOn(name -> name.startsWith("avro-")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(names).filteredOn(name -> name.startsWith("json-")).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAtEveryListedLevel() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : caseDirectories()) {
            List<CandidateSchema> versions = versions(dir);
            CandidateSchema candidate = versions.get(versions.size() - 1);
            List<CandidateSchema> history = versions.subList(0, versions.size() - 1);
            for (String line : Files.readAllLines(dir.resolve("expected.txt"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\\|");
                CompatibilityLevel level = CompatibilityLevel.parse(columns[0].trim());
                boolean compatible = columns[1].trim().equals("compatible");
                List<String> fragments = columns.length > 2
                        ? Arrays.stream(columns[2].split(";"))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList()
                        : List.of();
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + " " + level, () -> {
                    CompatibilityReport report = CompatibilityChecker.check(level, candidate, history);
                    String messages = report.findings().stream()
                            .map(CompatibilityFinding::message)
                            .collect(Collectors.joining("\n"));
                    assertThat(report.isCompatible())
                            .as("verdict; findings:%n%s", messages)
                            .isEqualTo(compatible);
                    for (String fragment : fragments) {
                        assertThat(messages).as("findings").contains(fragment);
                    }
                    assertThat(report.findings())
                            .allSatisfy(finding -> assertThat(finding.fix()).isNotBlank());
                }));
            }
        }
        return tests.stream();
    }

    static List<CandidateSchema> versions(Path dir) throws IOException {
        List<CandidateSchema> versions = new ArrayList<>();
        for (int n = 1; ; n++) {
            Path avro = dir.resolve("v" + n + ".avsc");
            Path json = dir.resolve("v" + n + ".json");
            String label = "v" + n;
            if (Files.exists(avro)) {
                versions.add(CandidateSchema.avro(label, new Schema.Parser().parse(Files.readString(avro))));
            } else if (Files.exists(json)) {
                versions.add(CandidateSchema.json(
                        label, JSON.readTree(json.toFile()), references(dir.resolve("refs-" + label))));
            } else {
                return versions;
            }
        }
    }

    private static Map<String, JsonNode> references(Path dir) throws IOException {
        Map<String, JsonNode> references = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> {
                    try {
                        references.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return references;
    }
}
