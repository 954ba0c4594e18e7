package io.github.eventcat.codegen.light.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>Each regular file counts by its path, size and own SHA-256. The previous run's digests are
 * reused for files whose size and modification time are those recorded with the digest (a stat
 * cache, as git's index and make do): an unchanged catalog is then decided from metadata, without
 * reading its files. A file modified less than {@link #RACY_MILLIS} before it was hashed is not
 * cached (its digest is recomputed every run until it is older), so that a change made within the
 * file system's time stamp granularity of the hashing cannot hide behind an unchanged time stamp.
 * A change that restores both size and modification time of an older file (a tool that sets time
 * stamps back) is not seen, as by make.
 */
public final class InputFingerprint {
    /** Files modified this recently before hashing are hashed again on every run. */
    public static final long RACY_MILLIS = 3_000;

    /**
     * The digest of one regular file under the catalog root, with the metadata it was computed
     * for.
     *
     * @param path catalog-relative, with '/'
     * @param size in bytes
     * @param modified the modification time in microseconds since the epoch
     * @param sha256 64 hex digits
     */
    public record FileDigest(String path, long size, long modified, String sha256) {
        public FileDigest {
            Objects.requireNonNull(path, "path == null");
            Objects.requireNonNull(sha256, "sha256 == null");
        }
    }

    private final String value;
    private final String plugin;
    private final String configuration;
    private final List<FileDigest> cacheable;
    /** The generator's state as read for the digests, so the up-to-date check need not read it again. */
    private final GeneratorState.Snapshot stateRead;

    private InputFingerprint(
            String value,
            String plugin,
            String configuration,
            List<FileDigest> cacheable,
            GeneratorState.Snapshot stateRead) {
        this.value = value;
        this.plugin = plugin;
        this.configuration = configuration;
        this.cacheable = List.copyOf(cacheable);
        this.stateRead = stateRead;
    }

    /** This fingerprint, computed with the digests of the given state. */
    public InputFingerprint withStateRead(GeneratorState.Snapshot state) {
        return new InputFingerprint(
                value, plugin, configuration, cacheable, Objects.requireNonNull(state, "state == null"));
    }

    /** The generator's state read to compute this fingerprint, if any; not part of its value. */
    public Optional<GeneratorState.Snapshot> stateRead() {
        return Optional.ofNullable(stateRead);
    }

    /**
     * @param catalog the catalog directory, or a catalog jar
     * @param generatorVersion the version of the generator, or of the plugin running it (a new
     *     version may generate other code)
     * @param steps the ids of the generator's steps
     * @param configuration the configuration's canonical text
     * @throws UncheckedIOException when a file under the catalog cannot be read
     */
    public static InputFingerprint of(Path catalog, String generatorVersion, List<String> steps, String configuration) {
        return of(catalog, generatorVersion, steps, configuration, Map.of());
    }

    /**
     * As {@link #of(Path, String, List, String)}, reusing the digests of files whose size and
     * modification time are those of {@code previous} (by catalog-relative path).
     */
    public static InputFingerprint of(
            Path catalog,
            String generatorVersion,
            List<String> steps,
            String configuration,
            Map<String, FileDigest> previous) {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(generatorVersion, "generatorVersion == null");
        Objects.requireNonNull(configuration, "configuration == null");
        long racyAfter = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis() - RACY_MILLIS);
        MessageDigest digest = sha256();
        List<FileDigest> cacheable = new ArrayList<>();
        // The lines are hashed together (flushed before raw digests): the same bytes as hashing
        // each line, without a string and an encoding per line.
        StringBuilder text = new StringBuilder(1 << 16);
        text.append("generator ").append(generatorVersion).append('\n');
        steps.forEach(step -> text.append("step ").append(step).append('\n'));
        text.append("configuration ").append(configuration).append('\n');
        try {
            if (Files.isRegularFile(catalog)) {
                text.append("jar ").append(Files.size(catalog)).append('\n');
                flush(digest, text);
                digest.update(sha256(catalog));
            } else if (Files.isDirectory(catalog)) {
                for (Map.Entry<String, Entry> e : sortedFiles(catalog).entrySet()) {
                    String relative = e.getKey();
                    Path path = e.getValue().path();
                    BasicFileAttributes attributes = e.getValue().attributes();
                    if (attributes.isSymbolicLink()) {
                        text.append("link ")
                                .append(relative)
                                .append(" -> ")
                                .append(Files.readSymbolicLink(path))
                                .append('\n');
                        if (Files.isRegularFile(path)) {
                            text.append("target ").append(Files.size(path)).append('\n');
                            flush(digest, text);
                            digest.update(sha256(path));
                        }
                    } else {
                        long size = attributes.size();
                        long modified = attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
                        FileDigest known = previous.get(relative);
                        String sha;
                        if (known != null && known.size() == size && known.modified() == modified) {
                            sha = known.sha256();
                        } else {
                            // The metadata was read before the bytes: a later change moves the time stamp.
                            sha = HexFormat.of().formatHex(sha256(path));
                        }
                        if (modified < racyAfter) {
                            cacheable.add(new FileDigest(relative, size, modified, sha));
                        }
                        text.append("file ")
                                .append(relative)
                                .append(' ')
                                .append(size)
                                .append(' ')
                                .append(sha)
                                .append('\n');
                    }
                }
            } else {
                text.append("missing\n"); // the loader reports it; nothing is stored for it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Tried to read the catalog at " + catalog + " to see whether it changed, but failed because: " + e,
                    e);
        }
        flush(digest, text);
        return new InputFingerprint(
                HexFormat.of().formatHex(digest.digest()), generatorVersion, configuration, cacheable, null);
    }

    /** The fingerprint as 64 hex digits. */
    public String value() {
        return value;
    }

    /** The version of the generator (or plugin) this fingerprint was computed for. */
    public String plugin() {
        return plugin;
    }

    /** The configuration's canonical text this fingerprint was computed for. */
    public String configuration() {
        return configuration;
    }

    /** The digests the next run may reuse when size and modification time are unchanged. */
    public List<FileDigest> cacheable() {
        return cacheable;
    }

    private record Entry(Path path, BasicFileAttributes attributes) {}

    /**
     * Regular files and links under the root (the root itself followed when it is a link), not
     * following links below it, by relative path. Listed with java.io's names and each entry's
     * attributes read once: about half the cost of a file tree walk in a cold JVM.
     */
    private static SortedMap<String, Entry> sortedFiles(Path root) throws IOException {
        SortedMap<String, Entry> paths = new TreeMap<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(Path directory, String prefix, SortedMap<String, Entry> paths) throws IOException {
        String[] names = directory.toFile().list();
        if (names == null) {
            throw new IOException("cannot list the directory " + directory);
        }
        for (String name : names) {
            Path path = directory.resolve(name);
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String relative = prefix + name;
            if (attributes.isDirectory()) {
                collect(path, relative + "/", paths);
            } else if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                paths.put(relative, new Entry(path, attributes));
            }
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        return sha256().digest(Files.readAllBytes(file));
    }

    private static void flush(MessageDigest digest, StringBuilder text) {
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
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
