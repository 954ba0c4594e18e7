package io.github.eventcat.catalog.compat;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.LoadRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Loads baseline catalogs from their sources. */
final class Baselines {
    private Baselines() {}

    /** A loaded baseline: its label and its catalog. */
    record Loaded(String label, Catalog catalog) {}

    static Loaded load(BaselineSource source) {
        try {
            Catalog catalog;
            if (source instanceof BaselineSource.Directory directory) {
                catalog = loadDirectory(directory.directory());
            } else if (source instanceof BaselineSource.Jar jar) {
                catalog = CatalogLoader.loadFromJar(jar.jar(), LoadRules.SCHEMAS_AND_SUBJECTS);
            } else {
                catalog = loadGitRevision((BaselineSource.GitRevision) source);
            }
            return new Loaded(source.label(), catalog);
        } catch (CatalogException e) {
            throw new BaselineException(
                    source.label(),
                    "The baseline catalog " + source.label() + " does not load, so nothing can be checked against it. "
                            + e.getMessage(),
                    e);
        } catch (UncheckedIOException e) {
            throw new BaselineException(
                    source.label(),
                    "Tried to read the baseline catalog "
                            + source.label() + " but failed because: " + e.getMessage()
                            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
                    e);
        }
    }

    private static Catalog loadDirectory(Path directory) {
        Path packaged = directory.resolve(CatalogLoader.JAR_CATALOG_DIRECTORY);
        return CatalogLoader.load(Files.isDirectory(packaged) ? packaged : directory, LoadRules.SCHEMAS_AND_SUBJECTS);
    }

    /**
     * {@code git archive} of the catalog directory's tree at the revision, read as a zip file
     * system: nothing is checked out, and the working tree is left alone.
     */
    private static Catalog loadGitRevision(BaselineSource.GitRevision source) {
        String revision = source.revision();
        Path directory = source.catalogDirectory().toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw failure(source, "the catalog directory " + directory + " does not exist");
        }
        GitResult prefix = git(source, directory, "rev-parse", "--show-prefix");
        if (prefix.exitCode() != 0) {
            throw failure(
                    source,
                    "the catalog directory " + directory + " is not inside a git working tree" + " (git said: "
                            + prefix.error().strip() + "); use a directory or artifact baseline instead");
        }
        String inRepository = prefix.output().strip().replaceAll("/$", "");
        // git archive run inside a subdirectory limits itself to that directory's working-tree path;
        // from the top level, "<commit>:<path>" alone says what to archive.
        Path topLevel = Path.of(
                git(source, directory, "rev-parse", "--show-toplevel").output().strip());
        GitResult commit = git(source, directory, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (commit.exitCode() != 0) {
            throw failure(
                    source,
                    "the git repository at " + directory + " has no revision \"" + revision
                            + "\": name a commit, branch or tag it has (for a shallow CI clone, fetch it first,"
                            + " e.g. git fetch --depth=1 origin " + revision + ")");
        }
        String tree = commit.output().strip() + ":" + inRepository;
        GitResult exists = git(source, directory, "cat-file", "-t", tree);
        if (exists.exitCode() != 0 || !exists.output().strip().equals("tree")) {
            throw failure(
                    source,
                    "revision \"" + revision + "\" has no directory \""
                            + (inRepository.isEmpty() ? "." : inRepository) + "\": the catalog did not exist there yet,"
                            + " or was elsewhere; choose a later revision");
        }
        Path zip = null;
        try {
            zip = Files.createTempFile("eventcat-baseline-", ".zip");
            GitResult archive = git(source, topLevel, "archive", "--format=zip", "-o", zip.toString(), tree);
            if (archive.exitCode() != 0) {
                throw failure(
                        source,
                        "git archive of " + tree + " failed: " + archive.error().strip());
            }
            try (FileSystem files = FileSystems.newFileSystem(zip)) {
                // The loader reads every file into memory before the zip file system closes.
                return CatalogLoader.load(files.getPath("/"), LoadRules.SCHEMAS_AND_SUBJECTS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to read the catalog of git revision " + revision, e);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) {
                    // A temp file left behind is not worth failing the gate for.
                }
            }
        }
    }

    private record GitResult(int exitCode, String output, String error) {}

    private static GitResult git(BaselineSource.GitRevision source, Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new BaselineException(
                    source.label(),
                    "Tried to run git to read the catalog at revision \""
                            + source.revision() + "\" but failed because: " + e.getMessage()
                            + ". Install git and put it on the PATH, or use a directory or artifact baseline",
                    e);
        }
        try {
            process.getOutputStream().close();
            // stderr is read on the side so that neither pipe can fill up and block git.
            CompletableFuture<String> error = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            return new GitResult(process.waitFor(), output, error.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new BaselineException(source.label(), "Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BaselineException failure(BaselineSource.GitRevision source, String reason) {
        return new BaselineException(
                source.label(),
                "Tried to read the catalog at git revision \"" + source.revision() + "\" but failed because: " + reason,
                null);
    }
}
