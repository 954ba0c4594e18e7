package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A file of a loaded catalog as a tree, with the {@code line:column} of every value and key: for
 * tools that check what the loader does not (lint) and must report where, as the loader does.
 */
public final class SourceDocument {
    private final ParsedDocument document;

    SourceDocument(ParsedDocument document) {
        this.document = Objects.requireNonNull(document, "document == null");
    }

    /**
     * The JSON document of a schema file of a loaded catalog (which parsed when it loaded).
     *
     * @throws IllegalArgumentException if the file's text is not JSON
     */
    public static SourceDocument of(SchemaFile file) {
        Problems problems = new Problems();
        return new SourceDocument(ParsedDocument.json(file.path(), file.text(), problems)
                .orElseThrow(
                        () -> new IllegalArgumentException(problems.sorted().toString())));
    }

    /** The catalog-relative path of the file, with {@code /} separators. */
    public String file() {
        return document.file();
    }

    /** The tree (a copy: changing it changes nothing here). */
    public JsonNode root() {
        return document.root().deepCopy();
    }

    /**
     * The {@code line:column} where the value at a JSON pointer starts; for a pointer that leads
     * nowhere, the closest enclosing value.
     */
    public String locate(String pointer) {
        return document.locate(pointer);
    }

    /** The {@code line:column} of the key of the member at a JSON pointer. */
    public String locateKey(String pointer) {
        return document.locateKey(pointer);
    }

    /** Escapes a member name for use as a JSON pointer segment. */
    public static String segment(String name) {
        return ParsedDocument.segment(name);
    }
}
