package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code src/test/resources/bad-catalogs/} is a malformed catalog; its
 * {@code expected-problems.txt} lists the exact problems, one per line as {@code
 * file:location: message}. Run with {@code -Deventcat.regenerate=true} to rewrite the expected
 * files from the current output (then review the diff).
 */
class BadCatalogTest {
    static final Path CASES = Path.of("src/test/resources/bad-catalogs");
    static final String EXPECTED = "expected-problems.txt";

    /**
     * The cases whose every problem is a rule that only generated code needs: a baseline that
     * breaks them still loads, to be compared against ({@link LoadRules#SCHEMAS_AND_SUBJECTS}).
     */
    static final Set<String> LOAD_AS_BASELINES = Set.of(
            "avro-json-duplicate-java-type",
            "avro-key-wrong-type",
            "avro-missing-key-field",
            "avro-no-namespace",
            "avro-optional-key-field",
            "event-id-not-a-field",
            "example-avro-bad-union",
            "example-avro-logical-types",
            "example-avro-missing-field",
            "example-avro-wrong-type",
            "example-json-invalid",
            "example-listed-twice",
            "example-missing-file",
            "example-not-json-extension",
            "example-outside-root",
            "invalid-package",
            "json-duplicate-java-type",
            "json-key-not-required",
            "json-key-wrong-type",
            "json-missing-key-field",
            "json-nullable-key",
            "key-type-differs-between-events");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastThirtyBadCatalogs() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithExactlyTheExpectedProblems(String name) throws IOException {
        Path root = CASES.resolve(name);
        CatalogException failure = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.load(root));

        assertThat(failure).as("loading %s must fail as a whole", name).isNotNull();
        List<String> actual =
                failure.problems().stream().map(CatalogProblem::toString).toList();
        Path expectedFile = root.resolve(EXPECTED);
        if (Boolean.getBoolean("eventcat.regenerate")) {
            Files.write(expectedFile, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(failure.getMessage())
                .startsWith("The catalog at " + root.toUri() + " has " + expected.size() + " problem")
                .endsWith(String.join("\n", expected));
    }

    /**
     * Loaded as a baseline, a bad catalog either loads with exactly its problems waived (every one a
     * rule for generated code) and a subject for every event, or fails with some of its problems:
     * never a problem it does not have, never one lost.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void asABaselineItsCodeRulesAreWaivedAndNothingElse(String name) throws IOException {
        Path root = CASES.resolve(name);
        List<String> expected = Files.readAllLines(root.resolve(EXPECTED), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        try {
            Catalog baseline = CatalogLoader.load(root, LoadRules.SCHEMAS_AND_SUBJECTS);
            assertThat(LOAD_AS_BASELINES).as("%s loads as a baseline", name).contains(name);
            assertThat(baseline.waivedProblems().stream().map(CatalogProblem::toString))
                    .containsExactlyElementsOf(expected);
            assertThat(baseline.topics()).isNotEmpty().allSatisfy(topic -> {
                assertThat(topic.events()).isNotEmpty();
                assertThat(topic.subjects()).isNotEmpty();
            });
        } catch (CatalogException failure) {
            assertThat(LOAD_AS_BASELINES)
                    .as("%s does not load as a baseline", name)
                    .doesNotContain(name);
            assertThat(failure.problems().stream().map(CatalogProblem::toString))
                    .isNotEmpty()
                    .isSubsetOf(expected);
        }
    }
}
