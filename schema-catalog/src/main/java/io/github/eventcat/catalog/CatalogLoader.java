package io.github.eventcat.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads a catalog: a directory holding {@code catalog.yaml} and the schema files it lists.
 *
 * <p>Every rule is checked and every problem collected; {@link CatalogException} carries them all.
 * A catalog loads whole or not at all.
 */
public final class CatalogLoader {
    /** Where a catalog released as a jar keeps its manifest and schemas. */
    public static final String JAR_CATALOG_DIRECTORY = "META-INF/eventcat/catalog";

    private CatalogLoader() {}

    /**
     * Loads the catalog whose manifest is {@code root/catalog.yaml}. The root may be a directory on
     * disk or inside any other {@link FileSystem}, such as an open zip file system.
     *
     * @throws CatalogException listing every problem when the catalog is not valid
     * @throws UncheckedIOException when the files cannot be read at all
     */
    public static Catalog load(Path root) {
        return load(root, LoadRules.ALL);
    }

    /**
     * {@link #load(Path)} enforcing {@code rules}: a baseline to compare against is loaded with
     * {@link LoadRules#SCHEMAS_AND_SUBJECTS}, and says which rules it broke in {@link
     * Catalog#waivedProblems()}.
     *
     * @throws CatalogException listing every problem of the rules enforced
     * @throws UncheckedIOException when the files cannot be read at all
     */
    public static Catalog load(Path root, LoadRules rules) {
        return load(root, CatalogLimits.MAX_SCHEMA_FILES, CatalogLimits.MAX_CATALOG_BYTES, rules);
    }

    /** {@link #load(Path)} with other limits on the catalog as a whole (for tests). */
    static Catalog load(Path root, int maxSchemaFiles, long maxCatalogBytes) {
        return load(root, maxSchemaFiles, maxCatalogBytes, LoadRules.ALL);
    }

    private static Catalog load(Path root, int maxSchemaFiles, long maxCatalogBytes, LoadRules rules) {
        String source = root.toUri().toString();
        Problems problems = new Problems(rules);
        CatalogFiles files = new CatalogFiles(root, problems, maxSchemaFiles, maxCatalogBytes);
        CatalogFiles.Target manifestFile = files.target(ManifestReader.FILE);
        if (manifestFile.kind() == CatalogFiles.Target.Kind.OUTSIDE) {
            problems.add(
                    ManifestReader.FILE,
                    "",
                    "is a symbolic link that leads outside the catalog root (to "
                            + manifestFile.real()
                            + "): copy the manifest into the catalog directory");
            throw new CatalogException(source, problems.sorted());
        }
        if (manifestFile.kind() != CatalogFiles.Target.Kind.FILE) {
            problems.add(
                    ManifestReader.FILE,
                    "",
                    "the catalog directory has no "
                            + ManifestReader.FILE
                            + ": point to the directory that holds the catalog manifest");
            throw new CatalogException(source, problems.sorted());
        }
        Optional<String> manifestText = files.read(ManifestReader.FILE, problems);
        if (manifestText.isEmpty()) {
            throw new CatalogException(source, problems.sorted());
        }
        // The schema files do not depend on the manifest: the Avro files are read and parsed on the
        // other cores while the manifest is, after it was read (so that the catalog's limits count
        // the files in the same order).
        return Parallel.run(() -> {
            Supplier<AvroFiles.Index> avroIndex = Parallel.fork(() -> AvroFiles.index(files));
            Optional<Manifest> manifest = ManifestReader.read(manifestText.get(), problems);
            if (manifest.isEmpty()) {
                avroIndex.get(); // not needed, but nothing may still read the catalog once load returns
                throw new CatalogException(source, problems.sorted());
            }
            try {
                return new CatalogAssembler(source, files, manifest.get(), avroIndex, problems).assemble();
            } catch (IOException e) {
                throw new UncheckedIOException("Tried to read the catalog at " + source + " but failed", e);
            } finally {
                files.loaded();
            }
        });
    }

    /**
     * Loads a catalog from wherever a build hands one over: a catalog directory, a catalog jar, or
     * a directory holding a packaged catalog under {@value #JAR_CATALOG_DIRECTORY} and no manifest
     * of its own (a catalog module's {@code target/classes}, as a reactor resolves it before
     * packaging).
     *
     * @throws CatalogException listing every problem when the catalog is not valid
     * @throws UncheckedIOException when the files cannot be read at all
     */
    public static Catalog loadFrom(Path location) {
        if (Files.isRegularFile(location)) {
            return loadFromJar(location);
        }
        Path packaged = location.resolve(JAR_CATALOG_DIRECTORY);
        boolean unpacked = !Files.exists(location.resolve(ManifestReader.FILE)) && Files.isDirectory(packaged);
        return load(unpacked ? packaged : location);
    }

    /**
     * Loads the catalog packaged in a jar (a catalog released as a Maven artifact), under {@value
     * #JAR_CATALOG_DIRECTORY}.
     *
     * @throws CatalogException listing every problem when the catalog is not valid
     * @throws UncheckedIOException when the jar cannot be opened
     */
    public static Catalog loadFromJar(Path jar) {
        return loadFromJar(jar, LoadRules.ALL);
    }

    /**
     * {@link #loadFromJar(Path)} enforcing {@code rules} (see {@link #load(Path, LoadRules)}).
     *
     * @throws CatalogException listing every problem of the rules enforced
     * @throws UncheckedIOException when the jar cannot be opened
     */
    public static Catalog loadFromJar(Path jar, LoadRules rules) {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path root = zip.getPath("/" + JAR_CATALOG_DIRECTORY);
            if (!Files.isDirectory(root)) {
                throw new CatalogException(
                        jar.toUri().toString(),
                        List.of(new CatalogProblem(
                                JAR_CATALOG_DIRECTORY,
                                "",
                                "the jar "
                                        + jar
                                        + " holds no catalog: expected "
                                        + JAR_CATALOG_DIRECTORY
                                        + "/"
                                        + ManifestReader.FILE)));
            }
            // Everything is read into memory before the zip file system closes.
            return load(root, rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to open the catalog jar " + jar + " but failed", e);
        }
    }
}
