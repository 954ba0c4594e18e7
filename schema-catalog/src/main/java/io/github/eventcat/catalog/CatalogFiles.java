package io.github.eventcat.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under a catalog root, addressed by catalog-relative paths with {@code /}. Works on the
 * default file system and inside a zip/jar file system alike, which is why it never turns a path
 * into a {@code java.io.File}.
 *
 * <p>Every file the catalog reads goes through {@link #read}: it is where symbolic links are
 * followed (a file is known by where it really is, and nothing outside the root is read), where the
 * size limit is enforced, and where text is decoded (UTF-8 only, a leading byte order mark dropped).
 */
final class CatalogFiles {
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Where a catalog-relative path really leads once symbolic links are followed. */
    record Target(Kind kind, String path, Path real) {
        enum Kind {
            /** A regular file inside the root; {@code path} is its real catalog-relative path. */
            FILE,
            /** Nothing, or not a regular file. */
            MISSING,
            /** Something outside the root, reached through a link; {@code real} says where. */
            OUTSIDE
        }
    }

    private final Path root;
    private final Path realRoot;
    private final Map<String, Optional<String>> texts = new HashMap<>();
    /** Builds the trees of the schema files, which the loaded catalog keeps. */
    private final SharingNodeFactory nodes = new SharingNodeFactory();
    /** {@link #target} by path; asked from the thread reading the manifest and the pool reading files. */
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    /** Where problems of the catalog as a whole go, whoever asked for the file that found them. */
    private final Problems catalogProblems;

    private final int maxSchemaFiles;
    private final long maxCatalogBytes;
    private long bytesRead;
    private boolean limitReported;

    CatalogFiles(Path root, Problems catalogProblems) {
        this(root, catalogProblems, CatalogLimits.MAX_SCHEMA_FILES, CatalogLimits.MAX_CATALOG_BYTES);
    }

    /** With other limits on the catalog as a whole, so tests reach them without a gigabyte. */
    CatalogFiles(Path root, Problems catalogProblems, int maxSchemaFiles, long maxCatalogBytes) {
        this.maxSchemaFiles = maxSchemaFiles;
        this.maxCatalogBytes = maxCatalogBytes;
        this.catalogProblems = catalogProblems;
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root; // no such directory: the loader reports the missing manifest
        }
        this.realRoot = real;
    }

    Path root() {
        return root;
    }

    /**
     * Resolves a path written in the catalog (relative to {@code base}, a catalog-relative directory
     * or "" for the root) to a normalized catalog-relative path, or empty if it leaves the root.
     * Only the text is looked at; {@link #target} follows links.
     */
    Optional<String> resolve(String base, String written) {
        if (isPlainRelative(written) && (base.isEmpty() || isPlainRelative(base))) {
            // Names of letters, digits and '_', '-', '.' (no "." or ".." segment) below the root:
            // normalizing changes nothing, so the path object is not needed (the common case).
            return Optional.of(base.isEmpty() ? written : base + "/" + written);
        }
        if (written.isEmpty()
                || written.startsWith("/")
                || written.contains("\\")
                || WINDOWS_DRIVE.matcher(written).matches()) {
            return Optional.empty();
        }
        Path resolved =
                (base.isEmpty() ? root : root.resolve(base)).resolve(written).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(relative(root, resolved));
    }

    /**
     * Whether a path is one or more names joined by single slashes, each of letters, digits, '_',
     * '-' and '.', not starting or ending with '.': a path that normalizes to itself on any file system.
     */
    private static boolean isPlainRelative(String path) {
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                if (i == segmentStart || path.charAt(segmentStart) == '.' || path.charAt(i - 1) == '.') {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Follows the links on a catalog-relative path to the file it really names. Each path is
     * followed once per load (the manifest's entries, then reading the file, ask for it again).
     */
    Target target(String path) {
        return targets.computeIfAbsent(path, this::follow);
    }

    private Target follow(String path) {
        Path real;
        try {
            real = root.resolve(path).toRealPath();
        } catch (IOException e) {
            return new Target(Target.Kind.MISSING, path, null);
        }
        if (!real.startsWith(realRoot) || real.equals(realRoot)) {
            return new Target(Target.Kind.OUTSIDE, path, real);
        }
        if (!Files.isRegularFile(real)) {
            return new Target(Target.Kind.MISSING, path, real);
        }
        return new Target(Target.Kind.FILE, relative(realRoot, real), real);
    }

    /** The catalog-relative directory holding a file, "" for the root. */
    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The text of a file, given by its real catalog-relative path ({@link Target#path()}); empty
     * (after reporting) when it cannot be read, leads outside the root, is too large or is not UTF-8.
     */
    Optional<String> read(String path, Problems problems) {
        Optional<String> cached = texts.get(path);
        if (cached != null) {
            return cached;
        }
        if (texts.size() >= maxSchemaFiles + 1) { // + 1: catalog.yaml
            reportCatalogLimit(
                    catalogProblems,
                    "the catalog needs more than "
                            + CatalogLimits.format(maxSchemaFiles) + " schema files, the limit:"
                            + " split it into several catalogs");
            return Optional.empty();
        }
        Optional<String> text = readNew(path, problems);
        texts.put(path, text);
        return text;
    }

    /**
     * {@link #read} of many files at once: the limits are checked, and the cache filled, in the order
     * given (so the same files pass them as when read one by one), while the bytes are read and
     * decoded over the cores. Each file's problems go to its own entry of {@code sinks}.
     */
    List<Optional<String>> readAll(List<String> paths, List<Problems> sinks, Problems catalogSink) {
        List<Optional<String>> texts = new ArrayList<>(paths.size());
        List<Integer> pending = new ArrayList<>();
        List<Path> pendingFiles = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            Optional<String> cached = this.texts.get(path);
            if (cached != null) {
                texts.add(cached);
                continue;
            }
            if (this.texts.size() >= maxSchemaFiles + 1) { // + 1: catalog.yaml
                reportCatalogLimit(
                        catalogSink,
                        "the catalog needs more than "
                                + CatalogLimits.format(maxSchemaFiles) + " schema files, the limit:"
                                + " split it into several catalogs");
                texts.add(Optional.empty());
                continue;
            }
            Optional<Path> file = admit(path, sinks.get(i), catalogSink);
            this.texts.put(path, Optional.empty()); // counts towards the limit; replaced once read
            texts.add(Optional.empty());
            if (file.isPresent()) {
                pending.add(i);
                pendingFiles.add(file.get());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            order.add(k);
        }
        List<Optional<String>> read = Parallel.map(order, k -> {
            int i = pending.get(k);
            return readAdmitted(paths.get(i), pendingFiles.get(k), sinks.get(i));
        });
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            this.texts.put(paths.get(i), read.get(k));
            texts.set(i, read.get(k));
        }
        return texts;
    }

    /** Called once the catalog is loaded: what only loading needed is let go. */
    void loaded() {
        nodes.forget();
    }

    /** A file read and parsed as JSON by {@link #readJson}, with the problems found on the way. */
    record JsonFile(String path, Optional<String> text, Optional<ParsedDocument> document, Problems problems) {}

    /**
     * {@link #readAll} of JSON files, each then parsed over the cores: every file's text (also of
     * files that did not parse) and tree, in the order given, each with its own problems (for the
     * caller to take in that order). Problems of the catalog as a whole go to {@code catalogSink}.
     */
    List<JsonFile> readJson(List<String> paths, Problems catalogSink) {
        List<Problems> sinks = new ArrayList<>(paths.size());
        List<Integer> indexes = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            sinks.add(new Problems());
            indexes.add(i);
        }
        List<Optional<String>> texts = readAll(paths, sinks, catalogSink);
        return Parallel.map(
                indexes,
                i -> new JsonFile(
                        paths.get(i),
                        texts.get(i),
                        texts.get(i).flatMap(text -> ParsedDocument.json(paths.get(i), text, sinks.get(i), nodes)),
                        sinks.get(i)));
    }

    private Optional<String> readNew(String path, Problems problems) {
        return admit(path, problems, catalogProblems).flatMap(file -> readAdmitted(path, file, problems));
    }

    /**
     * The checks before a file is read, in the order files are read: where its links lead, its size
     * and the catalog's bytes so far (which it then counts). Empty, after reporting, when it fails.
     */
    private Optional<Path> admit(String path, Problems problems, Problems catalogSink) {
        Target target = target(path);
        if (target.kind() == Target.Kind.OUTSIDE) {
            problems.add(
                    path,
                    "",
                    "is a symbolic link that leads outside the catalog root (to " + target.real()
                            + "): copy the file into the catalog");
            return Optional.empty();
        }
        try {
            Path file = target.kind() == Target.Kind.FILE ? target.real() : root.resolve(path);
            long size = Files.size(file);
            boolean manifest = path.equals(ManifestReader.FILE);
            long limit = manifest ? CatalogLimits.MAX_MANIFEST_BYTES : CatalogLimits.MAX_FILE_BYTES;
            if (size > limit) {
                problems.add(
                        path,
                        "",
                        "the file has " + CatalogLimits.format(size) + " bytes, more than the limit of "
                                + CatalogLimits.format(limit)
                                + (manifest
                                        ? " bytes (16 MiB) for the manifest: split the catalog into several catalogs"
                                        : " bytes (1 MiB): split the schema into smaller files that refer to each"
                                                + " other"));
                return Optional.empty();
            }
            if (bytesRead + size > maxCatalogBytes) {
                reportCatalogLimit(
                        catalogSink,
                        "the catalog's files hold more than "
                                + CatalogLimits.format(maxCatalogBytes) + " bytes together, the limit: split it into"
                                + " several catalogs");
                return Optional.empty();
            }
            bytesRead += size;
            return Optional.of(file);
        } catch (IOException e) {
            problems.add(path, "", "cannot read the file: " + e);
            return Optional.empty();
        }
    }

    private static Optional<String> readAdmitted(String path, Path file, Problems problems) {
        try {
            return decode(path, Files.readAllBytes(file), problems);
        } catch (IOException e) {
            problems.add(path, "", "cannot read the file: " + e);
            return Optional.empty();
        }
    }

    private void reportCatalogLimit(Problems sink, String message) {
        if (!limitReported) {
            limitReported = true;
            sink.add(ManifestReader.FILE, "", message);
        }
    }

    /**
     * Decodes UTF-8, refusing anything else rather than guessing: a Latin-1 byte silently becoming
     * U+FFFD would change a schema's text. A NUL byte is refused too, as it is what UTF-16 text
     * looks like when read byte by byte.
     */
    private static Optional<String> decode(String path, byte[] bytes, Problems problems) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        if (isPlainAscii(bytes, start)) {
            // The common case, decoded without a decoder and its char buffer: ASCII is UTF-8.
            return Optional.of(new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int nul = indexOf(bytes, (byte) 0);
        if (result.isError() || nul >= 0) {
            int offset = result.isError() ? in.position() : nul;
            if (nul >= 0) {
                offset = Math.min(offset, nul);
            }
            String hint = bytes.length >= 2
                            && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                                    || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))
                    ? " (it starts with a UTF-16 byte order mark)"
                    : bytes[offset] == 0 ? " (a NUL byte: the file looks like UTF-16)" : "";
            problems.add(path, "", "not UTF-8 at byte offset " + offset + ": save the file as UTF-8" + hint);
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    /** Whether every byte from {@code start} is ASCII and none is NUL. */
    private static boolean isPlainAscii(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] <= 0) { // NUL, or a byte >= 0x80
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every regular file under the root whose name ends with the extension, by real path, sorted.
     * Links are not followed: what they lead to inside the root is found where it really is, and
     * what they lead to outside is no part of the catalog. Empty, after reporting, when there are
     * more than {@link CatalogLimits#MAX_SCHEMA_FILES}.
     */
    List<String> listByExtension(String extension, Problems catalogSink) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(realRoot)) {
            for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                Path p = it.next();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && p.getFileName().toString().endsWith(extension)) {
                    paths.add(relative(realRoot, p));
                    if (paths.size() > maxSchemaFiles) {
                        reportCatalogLimit(
                                catalogSink,
                                "the catalog directory holds more than "
                                        + CatalogLimits.format(maxSchemaFiles) + " " + extension
                                        + " files, the limit: split it into several catalogs, or keep only the catalog"
                                        + " under its root");
                        return List.of();
                    }
                }
            }
        }
        paths.sort(null);
        return paths;
    }

    private static String relative(Path base, Path path) {
        List<String> names = new ArrayList<>();
        for (Path name : base.relativize(path)) {
            names.add(name.toString());
        }
        return String.join("/", names);
    }
}
