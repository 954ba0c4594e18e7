package io.github.eventcat.catalog;

import java.util.Locale;

/**
 * The limits a catalog must stay within. A catalog is untrusted input: without them one large or
 * deeply nested schema makes the generator write hundreds of megabytes of Java and run out of
 * memory. Each limit is far above what a hand-written catalog needs; docs/catalog-format.md lists
 * them for users.
 */
public final class CatalogLimits {
    /** The largest schema file the catalog reads: a {@code .avsc} or {@code .json}. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /**
     * The largest {@code catalog.yaml} (16 MiB). The manifest lists every topic, 100 to 500 bytes
     * each, so it grows with the catalog: a 20,000-topic manifest holds 2 to 10 MB. It is parsed
     * once, into a tree of about ten times its size.
     */
    public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    /**
     * The most schema files a catalog reads: every {@code .avsc} under the root (all are read to
     * find named types), and all schema files read together.
     */
    public static final int MAX_SCHEMA_FILES = 100_000;

    /**
     * The most bytes all files of a catalog may hold together (1 GiB): a 20,000-event catalog holds
     * about 50 MB.
     */
    public static final int MAX_CATALOG_BYTES = 1024 * 1024 * 1024;

    /** The deepest nesting of objects and arrays in one file. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The most fields one Avro record, or properties one JSON Schema object, may have. */
    public static final int MAX_FIELDS_PER_RECORD = 1_000;

    /** The most fields (Avro) or properties (JSON Schema) the records of one file have together. */
    public static final int MAX_FIELDS_PER_FILE = 5_000;

    /**
     * The most symbols (Avro) or values (JSON Schema) one enum may have: each becomes a constant of a
     * Java enum, whose class initializer javac refuses past ~3,400 of them ("code too large").
     */
    public static final int MAX_ENUM_SYMBOLS = 3_000;

    private CatalogLimits() {}

    /** {@code 1048576} → {@code "1,048,576"}: limits are quoted in messages as people read them. */
    static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
