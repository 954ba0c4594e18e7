package io.github.eventcat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths written in a catalog resolve the same with or without the shortcut for plain names. */
class CatalogFilesTest {
    @TempDir
    Path root;

    @Test
    void plainAndOtherPathsResolveAsTheFileSystemNormalizesThem() {
        CatalogFiles files = new CatalogFiles(root, new Problems());
        List<String> bases = List.of("", "schemas", "schemas/v1", "a-b_c.d");
        List<String> written = List.of(
                "a.avsc",
                "schemas/order-placed_v1.avsc",
                "x/y/z.json",
                "./a.avsc",
                "a/./b.avsc",
                "a/../b.avsc",
                "../a.avsc",
                "a/../../b.avsc",
                "a//b.avsc",
                ".hidden/a.avsc",
                "a./b.avsc",
                "a/b.avsc/",
                "..",
                ".",
                "a b.avsc",
                "é.avsc",
                "/etc/passwd",
                "C:/x.avsc",
                "a\\b.avsc",
                "");
        for (String base : bases) {
            for (String path : written) {
                assertThat(files.resolve(base, path))
                        .as("%s from %s", path, base)
                        .isEqualTo(byPaths(base, path));
            }
        }
    }

    /** What resolving through {@link Path} gives, as the loader did for every path. */
    private Optional<String> byPaths(String base, String written) {
        if (written.isEmpty() || written.startsWith("/") || written.contains("\\") || written.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        Path normalRoot = root.toAbsolutePath().normalize();
        Path resolved = (base.isEmpty() ? normalRoot : normalRoot.resolve(base))
                .resolve(written)
                .normalize();
        if (!resolved.startsWith(normalRoot) || resolved.equals(normalRoot)) {
            return Optional.empty();
        }
        return Optional.of(normalRoot.relativize(resolved).toString().replace('\\', '/'));
    }
}
