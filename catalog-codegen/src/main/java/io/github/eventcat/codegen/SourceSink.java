package io.github.eventcat.codegen;

import java.io.IOException;

/**
 * Where a {@link SourceContributor} puts the files it makes, one at a time, as soon as each is
 * made: {@link CodeGenerator} writes each file to the output directory then and keeps only its
 * path, so a run holds a few files in memory rather than all of them. Called from any thread.
 */
@FunctionalInterface
public interface SourceSink {

    /**
     * Takes one file.
     *
     * @param path relative to the output directory, with {@code /} separators (see {@link
     *     GeneratedFile#path()})
     * @param origin the catalog file the content comes from, for error messages (see {@link
     *     GeneratedFile#origin()})
     * @param text writes the whole file; called once, on the calling thread, before this method
     *     returns
     */
    void accept(String path, String origin, Text text);

    /** The text of a file, written into an {@link Appendable} rather than held as a string. */
    @FunctionalInterface
    interface Text {
        void writeTo(Appendable out) throws IOException;
    }
}
