package io.github.eventcat.codegen;

import io.github.eventcat.codegen.InputFingerprint.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * @param fingerprint of the loaded catalog's content, generator and configuration
     * @param inputs of the catalog's files, generator and configuration, before loading ("" when
     *     not known)
     * @param digests of the catalog's files, for the next run's input fingerprint
     */
    private record State(String fingerprint, String inputs, List<String> files, List<FileDigest> digests) {
        State(String fingerprint, Optional<InputFingerprint> inputs, List<String> files) {
            this(
                    fingerprint,
                    inputs.map(InputFingerprint::value).orElse(""),
                    files,
                    inputs.map(InputFingerprint::cacheable).orElse(List.of()));
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
        Optional<State> state = readState();
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
     * Writes the files whose content differs, deletes the previous run's files that are no longer
     * generated, then records the new state. The state is written last: a run that fails half-way
     * leaves the old fingerprint, so the next run generates again.
     */
    GenerationResult write(List<GeneratedFile> files, String fingerprint, Optional<InputFingerprint> inputs)
            throws IOException {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Set<String> current = new TreeSet<>();
        for (GeneratedFile file : files) {
            current.add(file.path());
            Path target = resolve(file.path());
            byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                unchanged.add(file.path());
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, content);
                written.add(file.path());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String previous : readState().map(State::files).orElse(List.of())) {
            if (!current.contains(previous) && Files.deleteIfExists(resolve(previous))) {
                deleted.add(previous);
                deleteEmptyParents(resolve(previous).getParent());
            }
        }
        writeState(new State(fingerprint, inputs, List.copyOf(current)));
        return new GenerationResult(root, false, sorted(written), sorted(unchanged), sorted(deleted));
    }

    /**
     * The catalog files' digests recorded by the previous run (empty when there is none), for
     * {@link InputFingerprint#of(Path, String, List, String, Map)}.
     */
    Map<String, FileDigest> previousDigests() throws IOException {
        Map<String, FileDigest> digests = new HashMap<>();
        readState().ifPresent(state -> state.digests().forEach(d -> digests.put(d.path(), d)));
        return digests;
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
    private static Set<String> list(Path directory) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
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
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(FINGERPRINT)) {
                fingerprint = line.substring(FINGERPRINT.length());
            } else if (line.startsWith(INPUTS)) {
                inputs = line.substring(INPUTS.length());
            } else if (line.startsWith(FILE)) {
                files.add(line.substring(FILE.length()));
            } else if (line.startsWith(DIGEST)) {
                parseDigest(line.substring(DIGEST.length())).ifPresent(digests::add);
            }
        }
        // A damaged state file means "unknown": generate everything again.
        return fingerprint == null ? Optional.empty() : Optional.of(new State(fingerprint, inputs, files, digests));
    }

    /** {@code <size> <modified> <sha256> <path>}; a damaged line is no digest (the file is hashed). */
    private static Optional<FileDigest> parseDigest(String text) {
        String[] parts = text.split(" ", 4);
        if (parts.length != 4 || parts[2].length() != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileDigest(parts[3], Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
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
        Files.writeString(root.resolve(STATE_FILE), text.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
