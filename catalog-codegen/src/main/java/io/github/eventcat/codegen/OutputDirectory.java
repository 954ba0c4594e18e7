package io.github.eventcat.codegen;

import io.github.eventcat.codegen.InputFingerprint.FileDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The generated-sources directory and the state file the generator keeps in it: the fingerprint
 * of the last successful run and the list of files it generated (so that files whose schema is
 * gone can be deleted, and files the generator never wrote are left alone).
 */
final class OutputDirectory {
    /** Not a .java file, so compilers ignore it; a dot file, so IDEs hide it. */
    static final String STATE_FILE = ".eventcat-codegen.state";

    private static final String FINGERPRINT = "fingerprint ";
    private static final String INPUTS = "inputs ";
    private static final String FILE = "file ";
    private static final String DIGEST = "digest ";

    /** Beside the output directory's name: where a run stages the files it changes. */
    static final String STAGING_SUFFIX = ".eventcat-staging";

    /** The fingerprint while a run moves its files into place: matches no catalog. */
    private static final String INCOMPLETE = "incomplete";

    /**
     * @param fingerprint of the loaded catalog's content, generator and configuration
     * @param inputs of the catalog's files, generator and configuration, before loading ("" when
     *     not known)
     * @param digests of the catalog's files, for the next run's input fingerprint
     */
    record State(String fingerprint, String inputs, List<String> files, List<FileDigest> digests) {
        State(String fingerprint, Optional<InputFingerprint> inputs, List<String> files) {
            this(
                    fingerprint,
                    inputs.map(InputFingerprint::value).orElse(""),
                    files,
                    inputs.map(InputFingerprint::cacheable).orElse(List.of()));
        }
    }

    /** State files written by this JVM: a snapshot taken before a write is not used after it. */
    private static final AtomicLong WRITES = new AtomicLong();

    /**
     * The state file as one run read it, so that deciding a no-op reads it once (for the input
     * fingerprint's digests and for the decision). Used again only while no state file was written
     * by this JVM and the file's size, time stamp and identity are those it had when read.
     *
     * @param root the output directory
     * @param state the state read (empty: none, or damaged)
     * @param writes {@link #WRITES} when read
     * @param stamp the state file's size, time stamp and identity when read
     */
    record Snapshot(Path root, Optional<State> state, long writes, String stamp) {
        /** The digests of catalog files recorded in the state, by catalog-relative path. */
        Map<String, FileDigest> digests() {
            Map<String, FileDigest> digests = new HashMap<>();
            state.ifPresent(s -> s.digests().forEach(d -> digests.put(d.path(), d)));
            return digests;
        }
    }

    private final Path root;

    OutputDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The stored fingerprint matches and every file listed is still there. */
    boolean isUpToDate(String fingerprint) throws IOException {
        Optional<State> state = readState();
        return state.isPresent()
                && state.get().fingerprint().equals(fingerprint)
                && allExist(state.get().files());
    }

    /**
     * The result of the previous run when it was made from the same input files, generator and
     * configuration and every file it generated is still there; reads nothing but the state file
     * and the directories' listings. The state file is rewritten only when it lacks digests of
     * catalog files that the next run may take from it.
     */
    Optional<GenerationResult> upToDateInputs(InputFingerprint inputs) throws IOException {
        Optional<State> state = stateFor(inputs);
        if (state.isPresent()
                && state.get().inputs().equals(inputs.value())
                && allExist(state.get().files())) {
            if (!state.get().digests().equals(inputs.cacheable())) {
                // Files hashed this time that have since become old enough to cache (the state file
                // only: no generated file is touched), so that the next run need not read them.
                writeState(new State(
                        state.get().fingerprint(),
                        Optional.of(inputs),
                        state.get().files()));
            }
            return Optional.of(
                    new GenerationResult(root, true, List.of(), state.get().files(), List.of()));
        }
        return Optional.empty();
    }

    /**
     * The result of an up-to-date run; the input fingerprint is recorded when it changed (a file
     * changed in a way that does not change the catalog, such as a comment), so the next run with
     * the same files need not load the catalog. No generated file is touched.
     */
    GenerationResult upToDate(Optional<InputFingerprint> inputs) throws IOException {
        State state = readState().orElseThrow();
        if (inputs.isPresent() && !inputs.get().value().equals(state.inputs())) {
            writeState(new State(state.fingerprint(), inputs, state.files()));
        }
        return new GenerationResult(root, true, List.of(), state.files(), List.of());
    }

    /**
     * A writer for a new run. Each file is encoded as it comes; one whose bytes are already in the
     * output directory is left alone (its time stamp stays), any other is written at once to a
     * staging directory beside the output directory (not a source root). Only when the run succeeds
     * does {@link Writer#finish} move the staged files into place, delete the previous run's files
     * that are no longer generated and record the new state; a run that fails leaves the output
     * directory and its state as they were. While files move, the state matches no run, so a run
     * killed then never leaves a state claiming the output is up to date.
     */
    Writer writer() throws IOException {
        Writer writer = new Writer(readState().map(State::files).orElse(List.of()));
        deleteTree(writer.staging); // left by a run that was killed
        return writer;
    }

    /** A path a contributor produced, and where it came from (for collision messages). */
    record Claim(String path, String origin) {}

    /** Writes the files of one run as they are produced; see {@link #writer()}. Thread-safe. */
    final class Writer implements SourceSink {
        private final Path staging = root.resolveSibling(root.getFileName() + STAGING_SUFFIX);
        private final List<String> previous;
        private final List<Claim> claims = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, String> claimed = new ConcurrentHashMap<>();
        private final Set<Path> directories = ConcurrentHashMap.newKeySet();
        private final Queue<String> written = new ConcurrentLinkedQueue<>();
        private final Queue<String> unchanged = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<Utf8Buffer> buffers = ThreadLocal.withInitial(Utf8Buffer::new);

        private Writer(List<String> previous) {
            this.previous = previous;
        }

        /**
         * Stages the file unless its bytes are already there. A second file with the same path (or
         * one differing only in case) is only recorded: {@link #claims} lets the generator report it.
         */
        @Override
        public void accept(String path, String origin, Text text) {
            GeneratedFile.checkPath(path);
            claims.add(new Claim(path, origin));
            if (claimed.putIfAbsent(path.toLowerCase(Locale.ROOT), path) != null) {
                return;
            }
            Path target = resolve(path);
            Utf8Buffer buffer = buffers.get();
            try {
                buffer.reset();
                text.writeTo(buffer);
                buffer.finish();
                if (buffer.sameAs(target)) {
                    unchanged.add(path);
                } else {
                    Path staged = staging.resolve(root.relativize(target));
                    createDirectories(staged.getParent());
                    buffer.writeTo(staged);
                    written.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                buffer.release();
            }
        }

        private void createDirectories(Path directory) throws IOException {
            if (!directories.contains(directory)) {
                Files.createDirectories(directory);
                directories.add(directory);
            }
        }

        /** Every file produced so far, with its origin, in the order they came. */
        List<Claim> claims() {
            synchronized (claims) {
                return List.copyOf(claims);
            }
        }

        /** After a failed run: drops the staged files; the output directory was not touched. */
        void abandon() throws IOException {
            deleteTree(staging);
        }

        /**
         * After a successful run: moves the staged files into place, deletes the previous run's
         * files that are no longer generated, then records the new state.
         */
        synchronized GenerationResult finish(String fingerprint, Optional<InputFingerprint> inputs) throws IOException {
            Set<String> current = new TreeSet<>(written);
            current.addAll(unchanged);
            if (!written.isEmpty()) {
                // Lists every file that may be there after a crash, so the next run deletes the stale ones.
                Set<String> any = new TreeSet<>(current);
                any.addAll(previous);
                writeState(new State(INCOMPLETE, Optional.empty(), List.copyOf(any)));
                for (String path : written) {
                    Path target = resolve(path);
                    createDirectories(target.getParent());
                    Files.move(staging.resolve(root.relativize(target)), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteTree(staging);
            List<String> deleted = new ArrayList<>();
            for (String file : previous) {
                if (!current.contains(file) && Files.deleteIfExists(resolve(file))) {
                    deleted.add(file);
                    deleteEmptyParents(resolve(file).getParent());
                }
            }
            writeState(new State(fingerprint, inputs, List.copyOf(current)));
            return new GenerationResult(
                    root, false, sorted(List.copyOf(written)), sorted(List.copyOf(unchanged)), sorted(deleted));
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /**
     * A file's text encoded as UTF-8 (as {@link String#getBytes} with UTF-8 does, an unpaired
     * surrogate becoming {@code ?}) straight into a byte array reused from file to file, and the
     * existing file's bytes read into another, so writing a file copies no string.
     */
    static final class Utf8Buffer implements Appendable {
        /** Buffers above this size are dropped after use rather than kept for the next file. */
        private static final int KEPT = 1 << 20;

        private byte[] bytes = new byte[1 << 14];
        private byte[] existing = new byte[1 << 14];
        private int length;
        private char high;

        void reset() {
            length = 0;
            high = 0;
        }

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            ensure(3 * (end - start) + 4);
            for (int i = start; i < end; i++) {
                put(text.charAt(i));
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            ensure(4);
            put(c);
            return this;
        }

        private void put(char c) {
            if (high != 0) {
                char first = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    int code = Character.toCodePoint(first, c);
                    bytes[length++] = (byte) (0xF0 | (code >> 18));
                    bytes[length++] = (byte) (0x80 | ((code >> 12) & 0x3F));
                    bytes[length++] = (byte) (0x80 | ((code >> 6) & 0x3F));
                    bytes[length++] = (byte) (0x80 | (code & 0x3F));
                    return;
                }
                bytes[length++] = '?';
            }
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }

        /** Ends the text: a high surrogate left at the end is unpaired. */
        void finish() {
            if (high != 0) {
                high = 0;
                ensure(1);
                bytes[length++] = '?';
            }
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }

        /** The file exists and holds exactly the encoded text. */
        boolean sameAs(Path file) throws IOException {
            if (!Files.isRegularFile(file) || Files.size(file) != length) {
                return false;
            }
            if (existing.length < length) {
                existing = new byte[Math.max(length, 2 * existing.length)];
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(existing, 0, length) == length
                        && in.read() < 0
                        && Arrays.equals(existing, 0, length, bytes, 0, length);
            }
        }

        void writeTo(Path file) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(bytes, 0, length);
            }
        }

        /** Drops a buffer grown by an unusually large file, so it is not held until the run ends. */
        void release() {
            if (bytes.length > KEPT) {
                bytes = new byte[1 << 14];
            }
            if (existing.length > KEPT) {
                existing = new byte[1 << 14];
            }
        }
    }

    /**
     * The catalog files' digests recorded by the previous run (empty when there is none), for
     * {@link InputFingerprint#of(Path, String, List, String, Map)}.
     */
    Map<String, FileDigest> previousDigests() throws IOException {
        return snapshot().digests();
    }

    /** Reads the state file, noting what it looked like; see {@link Snapshot}. */
    Snapshot snapshot() throws IOException {
        long writes = WRITES.get();
        String stamp = stateStamp(); // before the bytes: a write after this changes the stamp
        return new Snapshot(root, readState(), writes, stamp);
    }

    /**
     * The state the input fingerprint was computed with when it is still the state file's content,
     * else the state file read now.
     */
    private Optional<State> stateFor(InputFingerprint inputs) throws IOException {
        Optional<Snapshot> read = inputs.stateRead();
        if (read.isPresent()
                && read.get().root().equals(root)
                && read.get().writes() == WRITES.get()
                && read.get().stamp().equals(stateStamp())) {
            return read.get().state();
        }
        return readState();
    }

    /** The state file's size, modification time and file key, or "none". */
    private String stateStamp() throws IOException {
        Path file = root.resolve(STATE_FILE);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "none";
        }
        return attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
    }

    /**
     * Whether every file is there, by one listing per directory rather than one file system call
     * per file: the state lists thousands of files in a few packages.
     */
    private boolean allExist(List<String> files) throws IOException {
        Map<String, Set<String>> listings = new HashMap<>();
        for (String file : files) {
            int slash = file.lastIndexOf('/');
            String directory = slash < 0 ? "" : file.substring(0, slash);
            Set<String> names = listings.get(directory);
            if (names == null) {
                names = list(resolve(directory.isEmpty() ? "." : directory));
                listings.put(directory, names);
            }
            if (!names.contains(file.substring(slash + 1))) {
                return false;
            }
        }
        return true;
    }

    /** The names of the regular files in a directory (none when it is not one). */
    private static Set<String> list(Path directory) {
        // java.io's listing gives the names as strings, without a Path per entry: a third of the
        // cost in a cold JVM. A directory that cannot be listed counts as empty: generate again.
        String[] names = directory.toFile().list();
        return names == null ? Set.of() : new HashSet<>(Arrays.asList(names));
    }

    private Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside " + root);
        }
        return path;
    }

    private void deleteEmptyParents(Path directory) throws IOException {
        for (Path dir = directory; dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            }
            Files.delete(dir);
        }
    }

    private Optional<State> readState() throws IOException {
        Path file = root.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String fingerprint = null;
        String inputs = "";
        List<String> files = new ArrayList<>();
        List<FileDigest> digests = new ArrayList<>();
        // One string, cut at line ends: reading line by line costs several times more in a cold JVM.
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (int start = 0, length = text.length(); start < length; ) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? length : end + 1;
            end = end < 0 ? length : end;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            if (text.startsWith(FILE, start)) {
                files.add(text.substring(start + FILE.length(), end));
            } else if (text.startsWith(DIGEST, start)) {
                parseDigest(text.substring(start + DIGEST.length(), end)).ifPresent(digests::add);
            } else if (text.startsWith(FINGERPRINT, start)) {
                fingerprint = text.substring(start + FINGERPRINT.length(), end);
            } else if (text.startsWith(INPUTS, start)) {
                inputs = text.substring(start + INPUTS.length(), end);
            }
            start = next;
        }
        // A damaged state file means "unknown": generate everything again.
        return fingerprint == null ? Optional.empty() : Optional.of(new State(fingerprint, inputs, files, digests));
    }

    /** {@code <size> <modified> <sha256> <path>}; a damaged line is no digest (the file is hashed). */
    private static Optional<FileDigest> parseDigest(String text) {
        int size = text.indexOf(' ');
        int modified = size < 0 ? -1 : text.indexOf(' ', size + 1);
        int sha = modified < 0 ? -1 : text.indexOf(' ', modified + 1);
        if (sha < 0 || sha - modified - 1 != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDigest(
                    text.substring(sha + 1),
                    Long.parseLong(text, 0, size, 10),
                    Long.parseLong(text, size + 1, modified, 10),
                    text.substring(modified + 1, sha)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writeState(State state) throws IOException {
        StringBuilder text = new StringBuilder(
                "# Written by the Eventcat code generator: what it generated here last. Do not edit.\n");
        text.append(FINGERPRINT).append(state.fingerprint()).append('\n');
        if (!state.inputs().isEmpty()) {
            text.append(INPUTS).append(state.inputs()).append('\n');
        }
        state.files().forEach(f -> text.append(FILE).append(f).append('\n'));
        for (FileDigest d : state.digests()) {
            text.append(DIGEST)
                    .append(d.size())
                    .append(' ')
                    .append(d.modified())
                    .append(' ');
            text.append(d.sha256()).append(' ').append(d.path()).append('\n');
        }
        Files.createDirectories(root);
        try {
            Files.writeString(root.resolve(STATE_FILE), text.toString(), StandardCharsets.UTF_8);
        } finally {
            WRITES.incrementAndGet();
        }
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
