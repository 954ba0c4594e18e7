package io.github.eventcat.docs;

import io.github.eventcat.catalog.Parallel;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Writes a catalog's docs: a static site that opens from {@code file://} with nothing to host
 * and nothing fetched (style and script are inline), and an AsyncAPI 3.0 document. The same
 * catalog always gives byte-identical files; a file whose content is unchanged is not rewritten.
 */
public final class DocsGenerator {
    private DocsGenerator() {}

    /**
     * @throws UncheckedIOException when a file cannot be written
     */
    public static DocsResult generate(DocsRequest request) {
        return Parallel.run(() -> render(request));
    }

    /**
     * Renders and writes every file; the files are independent, so each is rendered and written
     * on its own, over the cores ({@link Parallel}; the AsyncAPI document, the longest, first).
     * What is written does not depend on the order the files are done in.
     */
    private static DocsResult render(DocsRequest request) {
        CatalogView view = new CatalogView(request.catalog());
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        files.put(
                AsyncApiDocument.FILE,
                () -> new AsyncApiDocument(view).yaml(request.version()).getBytes(StandardCharsets.UTF_8));
        files.putAll(new Site(view, request.baselinesOldestFirst(), request.version()).pages());
        for (SchemaFile file : request.catalog().schemaFiles()) {
            if (file.format() != SchemaFormat.JSON) {
                continue; // Avro payloads are inline in asyncapi.yaml; JSON Schema payloads are $refs to copies
            }
            String copy = AsyncApiDocument.copyPath(file.path());
            if (files.put(copy, () -> file.text().getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalStateException(
                        "Two schema files would be copied to " + copy + " (one of them is " + file.path()
                                + "): rename one, so that its path holds no space, '#', '%' or non-ASCII character");
            }
        }
        Path out = request.outputDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
            Set<Path> directories = new HashSet<>();
            List<Supplier<Boolean>> writes = new ArrayList<>(files.size());
            for (Map.Entry<String, Supplier<byte[]>> file : files.entrySet()) {
                Path target = out.resolve(file.getKey()).normalize();
                if (!target.startsWith(out)) {
                    // The loader keeps schema paths inside the catalog; this keeps them inside the site.
                    throw new IllegalStateException(file.getKey() + " would be written outside " + out);
                }
                if (directories.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                Supplier<byte[]> content = file.getValue();
                writes.add(() -> write(target, content.get(), out));
            }
            int written = 0;
            for (boolean changed : Parallel.map(writes, Supplier::get)) {
                written += changed ? 1 : 0;
            }
            int deleted = deleteStale(out, files.keySet());
            return new DocsResult(
                    out.resolve(CatalogView.indexPage()),
                    out.resolve(AsyncApiDocument.FILE),
                    written,
                    files.size() - written,
                    deleted,
                    SiteOverview.of(request.catalog()));
        } catch (IOException e) {
            throw failed(out, e);
        }
    }

    /** Writes the file unless it already holds {@code content}; whether it wrote. */
    private static boolean write(Path target, byte[] content, Path out) {
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            Files.write(target, content);
            return true;
        } catch (IOException e) {
            throw failed(out, e);
        }
    }

    private static UncheckedIOException failed(Path out, IOException e) {
        return new UncheckedIOException("Tried to write the catalog docs to " + out + " but failed", e);
    }

    /** Deletes files of an earlier run that this run did not write: only names this generator uses. */
    private static int deleteStale(Path out, Set<String> files) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> top = Files.list(out)) {
            top.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".html") && (name.startsWith("topic-") || name.startsWith("event-"));
                    })
                    .filter(p -> !files.contains(p.getFileName().toString()))
                    .forEach(stale::add);
        }
        Path schemas = out.resolve(AsyncApiDocument.SCHEMAS);
        if (Files.isDirectory(schemas)) {
            try (Stream<Path> walk = Files.walk(schemas)) {
                walk.filter(Files::isRegularFile)
                        .filter(p ->
                                !files.contains(out.relativize(p).toString().replace('\\', '/')))
                        .forEach(stale::add);
            }
        }
        for (Path path : stale) {
            Files.delete(path);
        }
        if (Files.isDirectory(schemas)) {
            try (Stream<Path> walk = Files.walk(schemas)) {
                for (Path dir : walk.filter(Files::isDirectory)
                        .sorted(Comparator.reverseOrder())
                        .toList()) {
                    try (Stream<Path> entries = Files.list(dir)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
            }
        }
        return stale.size();
    }
}
