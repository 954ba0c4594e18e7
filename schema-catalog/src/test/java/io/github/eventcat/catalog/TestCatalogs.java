package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small catalogs written into a temporary directory, for cases that cannot live in resources. */
final class TestCatalogs {
    static final String MANIFEST = "package: com.example.events\n"
            + "topics:\n"
            + "  things:\n"
            + "    key: id\n"
            + "    events:\n"
            + "      - schemas/thing_created.avsc\n";

    static final String THING_CREATED = "{\n"
            + "  \"type\": \"record\",\n"
            + "  \"name\": \"ThingCreated\",\n"
            + "  \"namespace\": \"com.example\",\n"
            + "  \"fields\": [\n"
            + "    {\"name\": \"id\", \"type\": \"string\"},\n"
            + "    {\"name\": \"name\", \"type\": \"string\"}\n"
            + "  ]\n"
            + "}\n";

    private TestCatalogs() {}

    static Path write(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** The problems of a catalog that must fail to load, rendered {@code file:location: message}. */
    static List<String> problems(Path root) {
        CatalogException failure = catchThrowableOfType(CatalogException.class, () -> CatalogLoader.load(root));
        if (failure == null) {
            throw new AssertionError("the catalog at " + root + " loaded, but it must fail");
        }
        return failure.problems().stream().map(CatalogProblem::toString).toList();
    }
}
