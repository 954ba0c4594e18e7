package io.github.eventcat.codegen;

import io.github.eventcat.codegen.light.state.GeneratorState;
import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The generated-sources directory and the state file the generator keeps in it: the fingerprint
 * of the last successful run and the list of files it generated (so that files whose schema is
 * gone can be deleted, and files the generator never wrote are left alone).
 */
final class OutputDirectory {
    /** The state file, {@link GeneratorState#STATE_FILE}. */
    static final String STATE_FILE = GeneratorState.STATE_FILE;

    /** Beside the output directory's name: where a run stages the files it changes. */
    static final String STAGING_SUFFIX = ".eventcat-staging";

    private final Path root;

    OutputDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The stored fingerprint matches and every file listed is still there. */
    boolean isUpToDate(String fingerprint) throws IOException {
        Optional<GeneratorState> state = GeneratorState.read(root);
        return state.isPresent()
                && state.get().fingerprint().equals(fingerprint)
                && state.get().present(root).isPresent();
    }

    /**
     * The result of the previous run when it was made from the same input files, generator and
     * configuration and every file it generated is still there ({@link GeneratorState#upToDate}).
     */
    Optional<GenerationResult> upToDateInputs(InputFingerprint inputs) throws IOException {
        return GeneratorState.upToDate(root, inputs)
                .map(state -> new GenerationResult(root, true, List.of(), state.files(), List.of()));
    }

    /**
     * The result of an up-to-date run; the input fingerprint is recorded when it changed (a file
     * changed in a way that does not change the catalog, such as a comment), so the next run with
     * the same files need not load the catalog. No generated file is touched.
     */
    GenerationResult upToDate(Optional<InputFingerprint> inputs) throws IOException {
        GeneratorState state = GeneratorState.read(root).orElseThrow();
        if (inputs.isPresent() && !state.madeFrom(inputs.get())) {
            writeState(state.withInputs(inputs.get()));
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
        Writer writer =
                new Writer(GeneratorState.read(root).map(GeneratorState::files).orElse(List.of()));
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
                writeState(GeneratorState.of(GeneratorState.INCOMPLETE, Optional.empty(), List.copyOf(any)));
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
            List<String> files = List.copyOf(current);
            writeState(GeneratorState.of(fingerprint, inputs, files)
                    .withDirectories(GeneratorState.settledDirectoryTimes(root, files)));
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
     * surrogate becoming {@code ?}) straight into fixed-size chunks reused from file to file, so
     * writing a file copies no string. A large file (the constants class of 20,000 topics is 158 MB)
     * takes its size in chunks and no more: a single array grown by doubling took up to three times
     * that at once, and one as large again to read the existing file back.
     */
    static final class Utf8Buffer implements Appendable {
        /** The size of a chunk; a chunk may end up to three bytes short of it (a character is not split). */
        static final int CHUNK = 1 << 16;
        /** Chunks beyond this many are dropped after use rather than kept for the next file. */
        private static final int KEPT = 16;
        /** From this length on, a whole string is encoded by the JDK rather than char by char. */
        static final int BULK = 256;

        private final List<byte[]> chunks = new ArrayList<>();
        /** How many bytes each full chunk holds (the current one's count is {@link #position}). */
        private int[] used = new int[KEPT];
        /** The chunk being filled, its index and how far. */
        private byte[] bytes;

        private int current;
        private int position;
        /** Bytes in the chunks before the current one. */
        private long before;

        private byte[] existing;
        private char high;

        Utf8Buffer() {
            bytes = new byte[CHUNK];
            chunks.add(bytes);
        }

        void reset() {
            current = 0;
            bytes = chunks.get(0);
            position = 0;
            before = 0;
            high = 0;
        }

        /** The number of bytes encoded so far. */
        long length() {
            return before + position;
        }

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            if (end - start >= BULK
                    && high == 0
                    && text instanceof String string
                    && start == 0
                    && end == string.length()
                    && !Character.isHighSurrogate(string.charAt(end - 1))) {
                // A whole string (an Avro class, a long literal) with no surrogate pair cut at either
                // end: the JDK's encoder gives the same bytes, lone surrogates as '?' included.
                byte[] encoded = string.getBytes(StandardCharsets.UTF_8);
                int copied = 0;
                while (copied < encoded.length) {
                    if (position == CHUNK) {
                        next();
                    }
                    int n = Math.min(encoded.length - copied, CHUNK - position);
                    System.arraycopy(encoded, copied, bytes, position, n);
                    position += n;
                    copied += n;
                }
                return this;
            }
            if (3 * (end - start) + 4 <= CHUNK - position) {
                for (int i = start; i < end; i++) {
                    put(text.charAt(i));
                }
            } else {
                for (int i = start; i < end; i++) {
                    room();
                    put(text.charAt(i));
                }
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            room();
            put(c);
            return this;
        }

        /** Room for one character's bytes (at most four) in the current chunk. */
        private void room() {
            if (position + 4 > CHUNK) {
                next();
            }
        }

        private void next() {
            if (current == used.length) {
                used = Arrays.copyOf(used, 2 * used.length);
            }
            used[current] = position;
            before += position;
            current++;
            if (current == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            bytes = chunks.get(current);
            position = 0;
        }

        private void put(char c) {
            if (high != 0) {
                char first = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    int code = Character.toCodePoint(first, c);
                    bytes[position++] = (byte) (0xF0 | (code >> 18));
                    bytes[position++] = (byte) (0x80 | ((code >> 12) & 0x3F));
                    bytes[position++] = (byte) (0x80 | ((code >> 6) & 0x3F));
                    bytes[position++] = (byte) (0x80 | (code & 0x3F));
                    return;
                }
                bytes[position++] = '?';
            }
            if (c < 0x80) {
                bytes[position++] = (byte) c;
            } else if (c < 0x800) {
                bytes[position++] = (byte) (0xC0 | (c >> 6));
                bytes[position++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[position++] = '?';
            } else {
                bytes[position++] = (byte) (0xE0 | (c >> 12));
                bytes[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }

        /** Ends the text: a high surrogate left at the end is unpaired. */
        void finish() {
            if (high != 0) {
                high = 0;
                room();
                bytes[position++] = '?';
            }
        }

        private int used(int chunk) {
            return chunk == current ? position : used[chunk];
        }

        /** The file exists and holds exactly the encoded text. */
        boolean sameAs(Path file) throws IOException {
            if (!Files.isRegularFile(file) || Files.size(file) != length()) {
                return false;
            }
            if (existing == null) {
                existing = new byte[CHUNK];
            }
            try (InputStream in = Files.newInputStream(file)) {
                for (int chunk = 0; chunk <= current; chunk++) {
                    int n = used(chunk);
                    if (in.readNBytes(existing, 0, n) != n || !Arrays.equals(existing, 0, n, chunks.get(chunk), 0, n)) {
                        return false;
                    }
                }
                return in.read() < 0;
            }
        }

        void writeTo(Path file) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int chunk = 0; chunk <= current; chunk++) {
                    out.write(chunks.get(chunk), 0, used(chunk));
                }
            }
        }

        /** Drops the chunks of an unusually large file, so they are not held until the run ends. */
        void release() {
            if (chunks.size() > KEPT) {
                chunks.subList(KEPT, chunks.size()).clear();
                used = new int[KEPT];
            }
            reset();
        }
    }

    /** Reads the state file, noting what it looked like; see {@link GeneratorState.Snapshot}. */
    GeneratorState.Snapshot snapshot() throws IOException {
        return GeneratorState.snapshot(root);
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

    private void writeState(GeneratorState state) throws IOException {
        state.write(root);
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
