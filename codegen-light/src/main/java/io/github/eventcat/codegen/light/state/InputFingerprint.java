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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * A digest is reused only for the same file too (its {@link BasicFileAttributes#fileKey() file key},
 * device and inode on Unix), so that files swapped or replaced by renames, which keep their size and
 * time stamp, are hashed again. A change that restores both size and modification time of an older
 * file in place (a tool that sets time stamps back) is not seen, as by make.
 *
 * <p>When every entry under the root is a regular file whose digest the state recorded with its
 * size, time stamp and file key unchanged, and the generator, steps and configuration are those
 * recorded, the fingerprint is the recorded one: it is taken as it is, without building and hashing
 * the text (see {@link #reused()}). The state says whether its fingerprint was computed from its
 * digests alone ({@link GeneratorState#inputsFromDigests()}); any difference falls back to the full
 * computation.
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
     * @param key the file's identity ({@link #fileKey}), without spaces
     * @param sha256 64 hex digits
     */
    public record FileDigest(String path, long size, long modified, String key, String sha256) {
        public FileDigest {
            Objects.requireNonNull(path, "path == null");
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(sha256, "sha256 == null");
            if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("key must be one word: " + key);
            }
        }

        /** Whether this digest was recorded for a file with these attributes. */
        boolean matches(BasicFileAttributes attributes) {
            return size == attributes.size()
                    && modified == attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)
                    && key.equals(fileKey(attributes));
        }
    }

    /**
     * A file's identity as one word: the file system's file key (device and inode on Unix), or "-"
     * where there is none (then only path, size and time stamp tell files apart).
     */
    static String fileKey(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key == null ? "-" : key.toString().replace(' ', '_');
    }

    private final String value;
    private final String plugin;
    private final String configuration;
    private final List<String> steps;
    private final List<FileDigest> cacheable;
    private final boolean fromDigests;
    private final boolean reused;
    /** The generator's state as read for the digests, so the up-to-date check need not read it again. */
    private final GeneratorState.Snapshot stateRead;

    private InputFingerprint(
            String value,
            String plugin,
            String configuration,
            List<String> steps,
            List<FileDigest> cacheable,
            boolean fromDigests,
            boolean reused,
            GeneratorState.Snapshot stateRead) {
        this.value = value;
        this.plugin = plugin;
        this.configuration = configuration;
        this.steps = List.copyOf(steps);
        this.cacheable = List.copyOf(cacheable);
        this.fromDigests = fromDigests;
        this.reused = reused;
        this.stateRead = stateRead;
    }

    /** This fingerprint, computed with the digests of the given state. */
    public InputFingerprint withStateRead(GeneratorState.Snapshot state) {
        return new InputFingerprint(
                value,
                plugin,
                configuration,
                steps,
                cacheable,
                fromDigests,
                reused,
                Objects.requireNonNull(state, "state == null"));
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
        Objects.requireNonNull(previous, "previous == null");
        return compute(catalog, generatorVersion, steps, configuration, previous, Optional.empty());
    }

    /**
     * As {@link #of(Path, String, List, String, Map)} with the digests of the state read, which the
     * fingerprint keeps ({@link #stateRead()}); when nothing under the catalog changed since the
     * state's fingerprint was computed from its digests, and the generator, steps and configuration
     * are those recorded, that fingerprint is taken without hashing ({@link #reused()}).
     */
    public static InputFingerprint of(
            Path catalog,
            String generatorVersion,
            List<String> steps,
            String configuration,
            GeneratorState.Snapshot state) {
        Objects.requireNonNull(state, "state == null");
        return compute(catalog, generatorVersion, steps, configuration, null, state.state())
                .withStateRead(state);
    }

    /** @param previous the digests to reuse by path; null: those of {@code recorded} */
    private static InputFingerprint compute(
            Path catalog,
            String generatorVersion,
            List<String> steps,
            String configuration,
            Map<String, FileDigest> previous,
            Optional<GeneratorState> recorded) {
        Objects.requireNonNull(catalog, "catalog == null");
        Objects.requireNonNull(generatorVersion, "generatorVersion == null");
        Objects.requireNonNull(steps, "steps == null");
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
        boolean fromDigests = false;
        try {
            if (Files.isRegularFile(catalog)) {
                text.append("jar ").append(Files.size(catalog)).append('\n');
                flush(digest, text);
                digest.update(sha256(catalog));
            } else if (Files.isDirectory(catalog)) {
                List<Entry> files = files(catalog);
                if (previous == null) {
                    previous = GeneratorState.digestsByPath(recorded);
                }
                Map<String, FileDigest> recordedDigests = previous;
                if (recorded.isPresent()
                        && unchanged(
                                recorded.get(),
                                recordedDigests,
                                files,
                                generatorVersion,
                                steps,
                                configuration,
                                racyAfter)) {
                    return new InputFingerprint(
                            recorded.get().inputs(),
                            generatorVersion,
                            configuration,
                            steps,
                            recorded.get().digests(),
                            true,
                            true,
                            null);
                }
                files.sort(Comparator.comparing(Entry::relative));
                // The state records these on lines: one with a line break could read back as another.
                fromDigests = oneLine(generatorVersion)
                        && oneLine(configuration)
                        && steps.stream().allMatch(InputFingerprint::oneLine);
                for (Entry e : files) {
                    String relative = e.relative();
                    Path path = e.path();
                    BasicFileAttributes attributes = e.attributes();
                    if (attributes.isSymbolicLink()) {
                        fromDigests = false;
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
                        if (known != null && known.matches(attributes)) {
                            sha = known.sha256();
                        } else {
                            // The metadata was read before the bytes: a later change moves the time stamp.
                            sha = HexFormat.of().formatHex(sha256(path));
                        }
                        if (modified < racyAfter) {
                            cacheable.add(new FileDigest(relative, size, modified, fileKey(attributes), sha));
                        } else {
                            fromDigests = false;
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
                HexFormat.of().formatHex(digest.digest()),
                generatorVersion,
                configuration,
                steps,
                cacheable,
                fromDigests,
                false,
                null);
    }

    /**
     * Whether the recorded fingerprint is the one the full computation would give now: it was
     * computed from the recorded digests alone, with this generator, steps and configuration, and
     * the files under the catalog are exactly those digests' files (as many, each found by its
     * path), each a regular file with the recorded size, time stamp and file key, none modified
     * within {@link #RACY_MILLIS}.
     *
     * @param known the state's digests by path
     */
    private static boolean unchanged(
            GeneratorState state,
            Map<String, FileDigest> known,
            List<Entry> files,
            String generatorVersion,
            List<String> steps,
            String configuration,
            long racyAfter) {
        if (!state.inputsFromDigests()
                || state.inputs().isEmpty()
                || !state.plugin().equals(generatorVersion)
                || !state.steps().equals(steps)
                || !state.configuration().equals(configuration)
                || state.digests().size() != files.size()
                || known.size() != files.size()) {
            return false;
        }
        for (Entry e : files) {
            FileDigest digest = known.get(e.relative());
            if (digest == null
                    || !e.attributes().isRegularFile()
                    || !digest.matches(e.attributes())
                    || digest.modified() >= racyAfter) {
                return false;
            }
        }
        return true;
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

    /** The ids of the generator's steps this fingerprint was computed for. */
    public List<String> steps() {
        return steps;
    }

    /** The digests the next run may reuse when size, modification time and file key are unchanged. */
    public List<FileDigest> cacheable() {
        return cacheable;
    }

    /**
     * Whether this fingerprint was computed from {@link #cacheable()} alone: the catalog is a
     * directory whose every entry is a regular file with a digest there (none a link, none too recent
     * to record). Only then may a later run take it from the state without hashing.
     */
    public boolean fromDigests() {
        return fromDigests;
    }

    /** Whether this fingerprint was taken from the state as it was, without hashing (nothing changed). */
    public boolean reused() {
        return reused;
    }

    private record Entry(String relative, Path path, BasicFileAttributes attributes) {}

    /**
     * Regular files and links under the root (the root itself followed when it is a link), not
     * following links below it, in no particular order. Listed with java.io's names and each entry's
     * attributes read once: about half the cost of a file tree walk in a cold JVM.
     */
    private static List<Entry> files(Path root) throws IOException {
        List<Entry> files = new ArrayList<>();
        collect(root, "", files);
        return files;
    }

    private static void collect(Path directory, String prefix, List<Entry> files) throws IOException {
        String[] names = directory.toFile().list();
        if (names == null) {
            throw new IOException("cannot list the directory " + directory);
        }
        for (String name : names) {
            Path path = directory.resolve(name);
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String relative = prefix.concat(name);
            if (attributes.isDirectory()) {
                collect(path, relative + "/", files);
            } else if (attributes.isRegularFile() || attributes.isSymbolicLink()) {
                files.add(new Entry(relative, path, attributes));
            }
        }
    }

    private static boolean oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
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
