package io.github.eventcat.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Expected sources kept as golden files: one {@code <path>.golden} per generated file, so that no
 * IDE or build tries to compile them. Shared by the golden-file tests.
 */
final class GoldenFiles {
    private GoldenFiles() {}

    /** The expected files under {@code dir}, keyed by generated path; empty when {@code dir} is missing. */
    static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files.put(relative.replaceFirst("\\.golden$", ""), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Replaces the golden files under {@code dir} with {@code files} ({@code -Dgolden.update=true}). */
    static void update(Path dir, List<GeneratedFile> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (GeneratedFile file : files) {
            Path target = dir.resolve(file.path() + ".golden");
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
    }
}
