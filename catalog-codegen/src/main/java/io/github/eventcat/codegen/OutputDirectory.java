package io.github.eventcat.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private static final String FILE = "file ";

  private record State(String fingerprint, List<String> files) {}

  private final Path root;

  OutputDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The stored fingerprint matches and every file listed is still there. */
  boolean isUpToDate(String fingerprint) throws IOException {
    Optional<State> state = readState();
    return state.isPresent()
        && state.get().fingerprint().equals(fingerprint)
        && state.get().files().stream().allMatch(f -> Files.isRegularFile(resolve(f)));
  }

  GenerationResult upToDate() throws IOException {
    return new GenerationResult(root, true, List.of(), readState().orElseThrow().files(), List.of());
  }

  /**
   * Writes the files whose content differs, deletes the previous run's files that are no longer
   * generated, then records the new state. The state is written last: a run that fails half-way
   * leaves the old fingerprint, so the next run generates again.
   */
  GenerationResult write(List<GeneratedFile> files, String fingerprint) throws IOException {
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
    writeState(new State(fingerprint, List.copyOf(current)));
    return new GenerationResult(root, false, sorted(written), sorted(unchanged), sorted(deleted));
  }

  private Path resolve(String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException(relative + " is outside " + root);
    }
    return path;
  }

  private void deleteEmptyParents(Path directory) throws IOException {
    for (Path dir = directory; dir != null && !dir.equals(root) && dir.startsWith(root);
        dir = dir.getParent()) {
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
    List<String> files = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith(FINGERPRINT)) {
        fingerprint = line.substring(FINGERPRINT.length());
      } else if (line.startsWith(FILE)) {
        files.add(line.substring(FILE.length()));
      }
    }
    // A damaged state file means "unknown": generate everything again.
    return fingerprint == null ? Optional.empty() : Optional.of(new State(fingerprint, files));
  }

  private void writeState(State state) throws IOException {
    StringBuilder text = new StringBuilder(
        "# Written by the Eventcat code generator: what it generated here last. Do not edit.\n");
    text.append(FINGERPRINT).append(state.fingerprint()).append('\n');
    state.files().forEach(f -> text.append(FILE).append(f).append('\n'));
    Files.createDirectories(root);
    Files.writeString(root.resolve(STATE_FILE), text.toString(), StandardCharsets.UTF_8);
  }

  private static List<String> sorted(List<String> paths) {
    return paths.stream().sorted().toList();
  }
}
