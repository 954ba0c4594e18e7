package io.github.eventcat.codegen.light.state;

import io.github.eventcat.codegen.light.state.InputFingerprint.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator's state file in its output directory, and the one reader and writer of it: what the
 * last successful run generated there and from what.
 *
 * @param fingerprint of the loaded catalog's content, generator and configuration ({@link
 *     #INCOMPLETE} while a run moves its files into place)
 * @param inputs the {@link InputFingerprint} of the catalog's files, plugin and configuration,
 *     before loading ("" when not known)
 * @param plugin the plugin (or generator) version the inputs were fingerprinted with ("" when not
 *     known)
 * @param configuration the configuration's text the inputs were fingerprinted with
 * @param steps the generator's steps the inputs were fingerprinted with
 * @param inputsFromDigests whether the inputs were fingerprinted from {@code digests} alone (see
 *     {@link InputFingerprint#fromDigests()}): only then may they be taken without hashing
 * @param files the generated files, relative to the output directory, with '/'
 * @param digests of the catalog's files, for the next run's input fingerprint, sorted by path
 * @param directories the modification times of the directories holding {@code files}, by path
 *     relative to the output directory ("" for itself), in microseconds since the epoch
 */
public record GeneratorState(
        String fingerprint,
        String inputs,
        String plugin,
        String configuration,
        List<String> steps,
        boolean inputsFromDigests,
        List<String> files,
        List<FileDigest> digests,
        Map<String, Long> directories) {

    /** Not a .java file, so compilers ignore it; a dot file, so IDEs hide it. */
    public static final String STATE_FILE = ".eventcat-codegen.state";

    /** The fingerprint while a run moves its files into place: matches no catalog. */
    public static final String INCOMPLETE = "incomplete";

    /**
     * The format of the state file this class writes: 2 lists generated files by directory and
     * digests with the file key. A file without it is of format 1 (its {@code file} lines are read,
     * its digests, which lack the file key, are not: those files are hashed again).
     */
    private static final String FORMAT = "format 2";

    private static final String FINGERPRINT = "fingerprint ";
    private static final String INPUTS = "inputs ";
    private static final String PLUGIN = "plugin ";
    private static final String CONFIGURATION = "configuration ";
    private static final String STEP = "step ";
    private static final String INPUTS_FROM_DIGESTS = "inputs-from-digests";
    /** Format 1: one line per generated file, with its whole path. */
    private static final String FILE = "file ";
    /** Format 2: the directory of the generated files named on the following {@link #NAME} lines. */
    private static final String FILES_IN = "files-in ";
    /** Format 2: one generated file, by name, in the directory of the last {@link #FILES_IN} line. */
    private static final char NAME = ' ';

    private static final String DIGEST = "digest ";
    private static final String DIRECTORY = "directory ";

    /** State files written by this JVM: a snapshot taken before a write is not used after it. */
    private static final AtomicLong WRITES = new AtomicLong();

    public GeneratorState {
        Objects.requireNonNull(fingerprint, "fingerprint == null");
        Objects.requireNonNull(inputs, "inputs == null");
        Objects.requireNonNull(plugin, "plugin == null");
        Objects.requireNonNull(configuration, "configuration == null");
        steps = List.copyOf(steps);
        files = GeneratedFiles.copyOf(files);
        digests = List.copyOf(digests);
        directories = Map.copyOf(directories);
    }

    /**
     * A state for the given run; the plugin, configuration and digests are those the input
     * fingerprint was made with (none when it is not known).
     */
    public static GeneratorState of(String fingerprint, Optional<InputFingerprint> inputs, List<String> files) {
        return new GeneratorState(
                fingerprint,
                inputs.map(InputFingerprint::value).orElse(""),
                inputs.map(InputFingerprint::plugin).orElse(""),
                inputs.map(InputFingerprint::configuration).orElse(""),
                inputs.map(InputFingerprint::steps).orElse(List.of()),
                inputs.map(InputFingerprint::fromDigests).orElse(false),
                files,
                inputs.map(InputFingerprint::cacheable).orElse(List.of()),
                Map.of());
    }

    /** This state with the directory modification times given. */
    public GeneratorState withDirectories(Map<String, Long> stamps) {
        return new GeneratorState(
                fingerprint, inputs, plugin, configuration, steps, inputsFromDigests, files, digests, stamps);
    }

    /** This state with the input fingerprint given (its value, plugin, configuration and digests). */
    public GeneratorState withInputs(InputFingerprint fingerprinted) {
        return new GeneratorState(
                fingerprint,
                fingerprinted.value(),
                fingerprinted.plugin(),
                fingerprinted.configuration(),
                fingerprinted.steps(),
                fingerprinted.fromDigests(),
                files,
                fingerprinted.cacheable(),
                directories);
    }

    /**
     * Whether the run that left this state read exactly these input files with this plugin and
     * configuration.
     */
    public boolean madeFrom(InputFingerprint fingerprinted) {
        return inputs.equals(fingerprinted.value())
                && plugin.equals(fingerprinted.plugin())
                && configuration.equals(fingerprinted.configuration());
    }

    /**
     * The state file as one run read it, so that deciding a no-op reads it once (for the input
     * fingerprint's digests and for the decision). Used again only while no state file was written
     * by this JVM and the file's size, time stamp and identity are those it had when read.
     *
     * @param root the output directory
     * @param state the state read (empty: none, or damaged)
     * @param writes the state files this JVM had written when it was read
     * @param stamp the state file's size, time stamp and identity when read
     */
    public record Snapshot(Path root, Optional<GeneratorState> state, long writes, String stamp) {
        /** The digests of catalog files recorded in the state, by catalog-relative path. */
        public Map<String, FileDigest> digests() {
            return digestsByPath(state);
        }
    }

    /** The digests of catalog files recorded in a state, by catalog-relative path. */
    static Map<String, FileDigest> digestsByPath(Optional<GeneratorState> state) {
        Map<String, FileDigest> digests = new HashMap<>();
        if (state.isPresent()) {
            for (FileDigest digest : state.get().digests()) {
                digests.put(digest.path(), digest);
            }
        }
        return digests;
    }

    /** Reads the state file of an output directory, noting what it looked like; see {@link Snapshot}. */
    public static Snapshot snapshot(Path root) throws IOException {
        Path directory = normalized(root);
        long writes = WRITES.get();
        String stamp = stamp(directory); // before the bytes: a write after this changes the stamp
        return new Snapshot(directory, read(directory), writes, stamp);
    }

    /**
     * The state the input fingerprint was computed with when it is still the state file's content,
     * else the state file read now.
     */
    public static Optional<GeneratorState> readFor(Path root, InputFingerprint fingerprinted) throws IOException {
        Path directory = normalized(root);
        Optional<Snapshot> read = fingerprinted.stateRead();
        if (read.isPresent()
                && read.get().root().equals(directory)
                && read.get().writes() == WRITES.get()
                && read.get().stamp().equals(stamp(directory))) {
            return read.get().state();
        }
        return read(directory);
    }

    /**
     * The state of the previous run when it was made from the same input files, plugin and
     * configuration and every file it generated is still there: then there is nothing to do. Reads
     * the state file (unless the fingerprint's snapshot of it still holds), the time stamps of the
     * directories holding generated files, and the listings of those whose time stamp changed or was
     * too recent to trust. Rewrites the state file only when it lacks digests of catalog files the
     * next run may take from it (no generated file is touched).
     */
    public static Optional<GeneratorState> upToDate(Path root, InputFingerprint fingerprinted) throws IOException {
        Path directory = normalized(root);
        Optional<GeneratorState> state = readFor(directory, fingerprinted);
        if (state.isEmpty() || !state.get().madeFrom(fingerprinted)) {
            return Optional.empty();
        }
        Optional<Map<String, Long>> present = state.get().present(directory);
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (!state.get().digests().equals(fingerprinted.cacheable())
                || state.get().inputsFromDigests() != fingerprinted.fromDigests()
                || !state.get().steps().equals(fingerprinted.steps())) {
            // Files hashed this time that have since become old enough to cache (the state file
            // only), so that the next run need neither read them nor, when that is all of them, hash
            // the fingerprint's text; the directory times seen now go with it.
            state.get().withInputs(fingerprinted).withDirectories(present.get()).write(directory);
        }
        return state;
    }

    /**
     * Whether every file listed is still there, by one listing per directory rather than one file
     * system call per file (the state lists thousands of files in a few packages), and no listing
     * at all for a directory whose time stamp is the one recorded and was at least {@link
     * InputFingerprint#RACY_MILLIS} older than the state file: a file added, removed or renamed in it
     * since would have moved its time stamp. Present: the directories' time stamps as seen now.
     */
    public Optional<Map<String, Long>> present(Path root) throws IOException {
        root = normalized(root);
        long trustedBefore = stateModified(root) - TimeUnit.MILLISECONDS.toMicros(InputFingerprint.RACY_MILLIS);
        Map<String, Long> seen = new TreeMap<>();
        for (Map.Entry<String, GeneratedFiles.Names> entry :
                GeneratedFiles.copyOf(files).byDirectory().entrySet()) {
            Path path = resolve(root, entry.getKey());
            long modified = modified(path);
            if (modified < 0) {
                return Optional.empty();
            }
            seen.put(entry.getKey(), modified);
            Long recorded = directories.get(entry.getKey());
            if (recorded != null && recorded == modified && modified < trustedBefore) {
                continue;
            }
            if (!entry.getValue().allIn(list(path))) {
                return Optional.empty();
            }
        }
        return Optional.of(seen);
    }

    /**
     * The modification times of the directories holding the given files, as recorded with a state
     * written now.
     */
    public static Map<String, Long> directoryTimes(Path root, List<String> files) throws IOException {
        Path directory = normalized(root);
        Map<String, Long> times = new TreeMap<>();
        for (String file : files) {
            int slash = file.lastIndexOf('/');
            String parent = slash < 0 ? "" : file.substring(0, slash);
            if (!times.containsKey(parent)) {
                long modified = modified(resolve(directory, parent));
                if (modified >= 0) {
                    times.put(parent, modified);
                }
            }
        }
        return times;
    }

    /**
     * The modification times of the directories holding the given files, for the state a run that
     * generated writes next; a directory changed by the run (within {@link
     * InputFingerprint#RACY_MILLIS}) is first given a time that much in the past, so that the next
     * build can trust it without listing it. Sound because any later change to it moves its time to
     * the present, never back to the one set here; a directory whose time cannot be set is not
     * recorded (it is listed).
     */
    public static Map<String, Long> settledDirectoryTimes(Path root, List<String> files) throws IOException {
        Path directory = normalized(root);
        long racyAfter = System.currentTimeMillis() - InputFingerprint.RACY_MILLIS;
        Map<String, Long> times = new TreeMap<>();
        for (Map.Entry<String, Long> entry : directoryTimes(directory, files).entrySet()) {
            if (TimeUnit.MICROSECONDS.toMillis(entry.getValue()) < racyAfter) {
                times.put(entry.getKey(), entry.getValue());
                continue;
            }
            Path path = resolve(directory, entry.getKey());
            try {
                Files.setLastModifiedTime(path, FileTime.fromMillis(racyAfter - 1_000));
            } catch (IOException e) {
                continue; // not ours to set: listed by the next build
            }
            long modified = modified(path);
            if (modified >= 0) {
                times.put(entry.getKey(), modified);
            }
        }
        return times;
    }

    /**
     * Reads the state file; none, or a damaged one, means "unknown": generate everything again. A
     * state file of format 1 (before {@code format 2}) is read without its digests.
     */
    public static Optional<GeneratorState> read(Path root) throws IOException {
        Path file = normalized(root).resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String fingerprint = null;
        String inputs = "";
        String plugin = "";
        String configuration = "";
        List<String> steps = new ArrayList<>();
        boolean inputsFromDigests = false;
        boolean format2 = false;
        List<String> files = new ArrayList<>(); // format 1
        List<GeneratedFiles.Run> runs = new ArrayList<>(); // format 2
        List<FileDigest> digests = new ArrayList<>();
        Map<String, Long> directories = new HashMap<>();
        String filesIn = null; // the directory of the name lines that follow
        int runStart = -1;
        int runEnd = -1;
        int runCount = 0;
        // One string, cut at line ends: reading line by line costs several times more in a cold JVM.
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (int start = 0, length = text.length(); start < length; ) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? length : end + 1;
            end = end < 0 ? length : end;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            if (end == start) {
                // an empty line: nothing
            } else if (text.charAt(start) == NAME) {
                // Only noted here: the names are read when asked for (see GeneratedFiles).
                if (filesIn != null) {
                    if (runCount == 0) {
                        runStart = start;
                    }
                    runEnd = next;
                    runCount++;
                }
            } else if (text.startsWith(FILES_IN, start)) {
                if (runCount > 0) {
                    runs.add(new GeneratedFiles.Run(filesIn, runStart, runEnd, runCount));
                }
                runCount = 0;
                filesIn = text.substring(start + FILES_IN.length(), end);
            } else if (text.startsWith(FILE, start)) {
                files.add(text.substring(start + FILE.length(), end));
            } else if (text.startsWith(DIGEST, start)) {
                if (format2) {
                    parseDigest(text.substring(start + DIGEST.length(), end)).ifPresent(digests::add);
                }
            } else if (text.startsWith(DIRECTORY, start)) {
                parseDirectory(text.substring(start + DIRECTORY.length(), end), directories);
            } else if (text.startsWith(FINGERPRINT, start)) {
                fingerprint = text.substring(start + FINGERPRINT.length(), end);
            } else if (text.startsWith(INPUTS_FROM_DIGESTS, start) && end == start + INPUTS_FROM_DIGESTS.length()) {
                inputsFromDigests = true;
            } else if (text.startsWith(INPUTS, start)) {
                inputs = text.substring(start + INPUTS.length(), end);
            } else if (text.startsWith(PLUGIN, start)) {
                plugin = text.substring(start + PLUGIN.length(), end);
            } else if (text.startsWith(CONFIGURATION, start)) {
                configuration = text.substring(start + CONFIGURATION.length(), end);
            } else if (text.startsWith(STEP, start)) {
                steps.add(text.substring(start + STEP.length(), end));
            } else if (text.startsWith(FORMAT, start) && end == start + FORMAT.length()) {
                format2 = true;
            }
            start = next;
        }
        if (runCount > 0) {
            runs.add(new GeneratedFiles.Run(filesIn, runStart, runEnd, runCount));
        }
        if (!runs.isEmpty()) {
            if (files.isEmpty()) {
                files = GeneratedFiles.inText(text, runs);
            } else {
                // Not written so by this class (lines added by hand?): every file named counts.
                List<String> both = new ArrayList<>(GeneratedFiles.inText(text, runs));
                both.addAll(files);
                files = both;
            }
        }
        return fingerprint == null
                ? Optional.empty()
                : Optional.of(new GeneratorState(
                        fingerprint,
                        inputs,
                        plugin,
                        configuration,
                        steps,
                        format2 && inputsFromDigests,
                        files,
                        digests,
                        directories));
    }

    /**
     * Writes this state to the output directory's state file (creating the directory), in format 2:
     * the generated files by directory (each run of files in one directory under one {@code files-in}
     * line, so that the order is kept), the digests with their file keys.
     */
    public void write(Path root) throws IOException {
        Path directory = normalized(root);
        StringBuilder text = new StringBuilder(
                "# Written by the Eventcat code generator: what it generated here last. Do not edit.\n");
        text.append(FORMAT).append('\n');
        text.append(FINGERPRINT).append(fingerprint).append('\n');
        if (!inputs.isEmpty()) {
            text.append(INPUTS).append(inputs).append('\n');
            text.append(PLUGIN).append(plugin).append('\n');
            text.append(CONFIGURATION).append(configuration).append('\n');
            steps.forEach(step -> text.append(STEP).append(step).append('\n'));
            if (inputsFromDigests) {
                text.append(INPUTS_FROM_DIGESTS).append('\n');
            }
        }
        String filesIn = null;
        for (String f : files) {
            int slash = f.lastIndexOf('/');
            String parent = slash < 0 ? "" : f.substring(0, slash);
            if (!parent.equals(filesIn)) {
                text.append(FILES_IN).append(parent).append('\n');
                filesIn = parent;
            }
            text.append(NAME).append(f, slash + 1, f.length()).append('\n');
        }
        for (FileDigest d : digests) {
            text.append(DIGEST)
                    .append(d.size())
                    .append(' ')
                    .append(d.modified())
                    .append(' ')
                    .append(d.key())
                    .append(' ');
            text.append(d.sha256()).append(' ').append(d.path()).append('\n');
        }
        new TreeMap<>(directories).forEach((path, modified) -> text.append(DIRECTORY)
                .append(modified)
                .append(' ')
                .append(path)
                .append('\n'));
        Files.createDirectories(directory);
        try {
            Files.writeString(directory.resolve(STATE_FILE), text.toString(), StandardCharsets.UTF_8);
        } finally {
            WRITES.incrementAndGet();
        }
    }

    /**
     * {@code <size> <modified> <key> <sha256> <path>}; a damaged line is no digest (the file is
     * hashed).
     */
    private static Optional<FileDigest> parseDigest(String text) {
        int size = text.indexOf(' ');
        int modified = size < 0 ? -1 : text.indexOf(' ', size + 1);
        int key = modified < 0 ? -1 : text.indexOf(' ', modified + 1);
        int sha = key < 0 ? -1 : text.indexOf(' ', key + 1);
        if (sha < 0 || key == modified + 1 || sha - key - 1 != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDigest(
                    text.substring(sha + 1),
                    Long.parseLong(text, 0, size, 10),
                    Long.parseLong(text, size + 1, modified, 10),
                    text.substring(modified + 1, key),
                    text.substring(key + 1, sha)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code <modified> <path>}; a damaged line is no time stamp (the directory is listed). */
    private static void parseDirectory(String text, Map<String, Long> directories) {
        int space = text.indexOf(' ');
        if (space < 0) {
            return;
        }
        try {
            directories.put(text.substring(space + 1), Long.parseLong(text, 0, space, 10));
        } catch (NumberFormatException e) {
            // ignored: listed instead
        }
    }

    /** The state file's size, modification time and file key, or "none". */
    private static String stamp(Path root) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(root.resolve(STATE_FILE), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "none";
        }
        // Numbers, not FileTime's text: that would load java.time for it.
        return attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " "
                + attributes.fileKey();
    }

    /** The state file's modification time in microseconds; none: {@link Long#MIN_VALUE}. */
    private static long stateModified(Path root) throws IOException {
        long modified = modified(root.resolve(STATE_FILE));
        return modified < 0 ? Long.MIN_VALUE : modified;
    }

    /** A path's modification time in microseconds since the epoch; -1 when it is not there. */
    private static long modified(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class)
                    .lastModifiedTime()
                    .to(TimeUnit.MICROSECONDS);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** The names in a directory (none when it is not one). */
    private static Set<String> list(Path directory) {
        // java.io's listing gives the names as strings, without a Path per entry: a third of the
        // cost in a cold JVM. A directory that cannot be listed counts as empty: generate again.
        String[] names = directory.toFile().list();
        return names == null ? Set.of() : new HashSet<>(Arrays.asList(names));
    }

    private static Path resolve(Path root, String relative) {
        Path path = root.resolve(relative.isEmpty() ? "." : relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException(relative + " is outside " + root);
        }
        return path;
    }

    private static Path normalized(Path root) {
        return root.toAbsolutePath().normalize();
    }
}
