package io.github.eventcat.catalog.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report file (JUnit XML, Markdown) for the gate and the linter, creating its folder. */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * @param what what the file is, for the error ("the lint report")
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path file, String content, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to write " + what + " " + file + " but failed", e);
        }
    }
}
