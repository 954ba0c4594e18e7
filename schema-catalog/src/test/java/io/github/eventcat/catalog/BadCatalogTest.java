package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
