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
            Path staged = staging.resolve(root.relativize(target));
            Utf8Buffer buffer = buffers.get();
            try (ComparedFile file = new ComparedFile(target, staged, this::createDirectories, buffer.scratch())) {
                buffer.start(file);
                text.writeTo(buffer);
                buffer.finish();
                if (file.finish()) {
                    unchanged.add(path);
                } else {
                    written.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    /** Where {@link Utf8Buffer} hands its bytes, a chunk at a time. */
    interface Destination {
        void write(byte[] bytes, int length) throws IOException;
    }

    /**
     * A file's text encoded as UTF-8 (as {@link String#getBytes} with UTF-8 does, an unpaired
     * surrogate becoming {@code ?}) into one 64 KB chunk reused from file to file, handed to its
     * {@link Destination} each time it fills. No file is held whole: the constants class of 20,000
     * topics is 158 MB, and holding it (in an array grown by doubling, and the existing file read
     * back beside it) took several times that at once.
     */
    static final class Utf8Buffer implements Appendable {
        /** The size of the chunk; it is handed on up to three bytes short of it (a character is not split). */
        static final int CHUNK = 1 << 16;
        /** From this length on, a whole string is encoded by the JDK rather than char by char. */
        static final int BULK = 256;

        private final byte[] bytes = new byte[CHUNK];
        /** For whoever compares the chunk with a file: as large, and reused the same way. */
        private final byte[] scratch = new byte[CHUNK];

        private int position;
        private char high;
        private Destination destination;

        /** An array of {@link #CHUNK} bytes the buffer does not use, for its destination's reading. */
        byte[] scratch() {
            return scratch;
        }

        /** Starts a text going to {@code destination}. */
        void start(Destination destination) {
            this.destination = destination;
            position = 0;
            high = 0;
        }

        @Override
        public Appendable append(CharSequence text) throws IOException {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) throws IOException {
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
                        drain();
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
        public Appendable append(char c) throws IOException {
            room();
            put(c);
            return this;
        }

        /** Room for one character's bytes (at most four) in the chunk. */
        private void room() throws IOException {
            if (position + 4 > CHUNK) {
                drain();
            }
        }

        private void drain() throws IOException {
            destination.write(bytes, position);
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

        /** Ends the text (a high surrogate left at the end is unpaired) and hands on the rest. */
        void finish() throws IOException {
            if (high != 0) {
                high = 0;
                room();
                bytes[position++] = '?';
            }
            drain();
            destination = null;
        }
    }

    /**
     * A generated file's bytes as they come, compared with the file already at its place; from the
     * first difference on (or at once, when there is no file) they are written to its staging place,
     * after the part that was the same, copied from the existing file. So an unchanged file is only
     * read, and neither the new nor the old text is ever held whole.
     */
    static final class ComparedFile implements Destination, AutoCloseable {
        /** Creates a directory and its parents (the writer remembers the ones it made). */
        interface Directories {
            void create(Path directory) throws IOException;
        }

        private final Path target;
        private final Path staged;
        private final Directories directories;
        private InputStream existing;
        private OutputStream out;
        private final byte[] scratch;
        private long matched;

        /** @param scratch where the existing file is read, at least as large as any chunk written */
        ComparedFile(Path target, Path staged, Directories directories, byte[] scratch) throws IOException {
            this.target = target;
            this.staged = staged;
            this.directories = directories;
            this.scratch = scratch;
            if (Files.isRegularFile(target)) {
                existing = Files.newInputStream(target);
            }
        }

        @Override
        public void write(byte[] bytes, int length) throws IOException {
            if (out == null && existing != null) {
                if (existing.readNBytes(scratch, 0, length) == length
                        && Arrays.equals(scratch, 0, length, bytes, 0, length)) {
                    matched += length;
                    return;
                }
                diverge();
            } else if (out == null) {
                open();
            }
            out.write(bytes, 0, length);
        }

        /**
         * Ends the file: true when the file at its place already held exactly these bytes (nothing
         * was written), false when they were staged.
         */
        boolean finish() throws IOException {
            if (out == null && existing != null) {
                if (existing.read() < 0) {
                    close();
                    return true;
                }
                diverge(); // the existing file is longer
            } else if (out == null) {
                open(); // an empty file where there was none
            }
            close();
            return false;
        }

        /** The bytes so far were the existing file's: staged from here on, after a copy of them. */
        private void diverge() throws IOException {
            existing.close();
            existing = null;
            open();
            try (InputStream same = Files.newInputStream(target)) {
                long left = matched;
                while (left > 0) {
                    int read = same.read(scratch, 0, (int) Math.min(scratch.length, left));
                    if (read < 0) {
                        throw new IOException(target + " became shorter while it was compared");
                    }
                    out.write(scratch, 0, read);
                    left -= read;
                }
            }
        }

        private void open() throws IOException {
            directories.create(staged.getParent());
            out = Files.newOutputStream(staged);
        }

        @Override
        public void close() throws IOException {
            try {
                if (existing != null) {
                    existing.close();
                    existing = null;
                }
            } finally {
                if (out != null) {
                    out.close();
                    out = null;
                }
            }
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
