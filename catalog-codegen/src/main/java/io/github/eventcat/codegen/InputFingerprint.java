package io.github.eventcat.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of what a generator run reads, computed <em>before</em> the catalog is loaded: the
 * bytes and catalog-relative paths of every file under the catalog root (or of the catalog jar),
 * the generator's version and steps, and the configuration. When it matches the one stored by the
 * previous run (and the generated files are still there), the run need neither load nor validate
 * the catalog: nothing it could read has changed.
 *
 * <p>Deliberately coarse: any byte of any file under the root counts, read by the loader or not
 * (a README beside the manifest), so it can only err towards generating again. Symbolic links
 * count by where they point and by the bytes of the file they reach.
 */
public final class InputFingerprint {
    private final String value;

    private InputFingerprint(String value) {
        this.value = value;
    }

    /**
     * @param catalog the catalog directory, or a catalog jar
     * @param generatorVersion the version of the generator (a new version may generate other code)
     * @param steps the ids of the generator's steps
     * @param configuration the configuration's canonical text
     * @throws UncheckedIOException when a file under the catalog cannot be read
     */
    static InputFingerprint of(Path catalog, String generatorVersion, List<String> steps, String configuration) {
        Objects.requireNonNull(catalog, "catalog == null");
        MessageDigest digest = sha256();
        update(digest, "generator " + generatorVersion + "\n");
        steps.forEach(step -> update(digest, "step " + step + "\n"));
        update(digest, "configuration " + configuration + "\n");
        try {
            if (Files.isRegularFile(catalog)) {
                file(digest, "jar", catalog);
            } else if (Files.isDirectory(catalog)) {
                for (Map.Entry<String, Path> entry : sortedFiles(catalog).entrySet()) {
                    String relative = entry.getKey();
                    Path path = entry.getValue();
                    if (Files.isSymbolicLink(path)) {
                        update(digest, "link " + relative + " -> " + Files.readSymbolicLink(path) + "\n");
                        if (Files.isRegularFile(path)) {
                            file(digest, "target", path);
                        }
                    } else {
                        file(digest, "file " + relative, path);
                    }
                }
            } else {
                update(digest, "missing\n"); // the loader reports it; nothing is stored for it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Tried to read the catalog at " + catalog + " to see whether it changed, but failed because: " + e,
                    e);
        }
        return new InputFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /** The fingerprint as 64 hex digits. */
    public String value() {
        return value;
    }

    /** Regular files and links under the root, not following links, by relative path. */
    private static SortedMap<String, Path> sortedFiles(Path root) throws IOException {
        SortedMap<String, Path> paths = new TreeMap<>();
        String separator = root.getFileSystem().getSeparator();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .forEach(p -> paths.put(root.relativize(p).toString().replace(separator, "/"), p));
        }
        return paths;
    }

    private static void file(MessageDigest digest, String label, Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        update(digest, label + " " + bytes.length + "\n");
        digest.update(bytes);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputFingerprint that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
