package io.github.eventcat.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One kind of generated artifact: turns the catalog into source files, passed one by one to a
 * {@link SourceSink}. {@link CodeGenerator} runs every contributor (concurrently), checks that no
 * two files collide, and alone writes the output directory. What several contributors need is
 * built once, in {@link CodegenInput}.
 */
public interface SourceContributor {

    /**
     * A name and revision for the fingerprint, e.g. {@code json-records/1}. Change the revision when
     * the contributor's output changes for the same input, so that existing outputs are regenerated.
     */
    String id();

    /**
     * Passes every file for the catalog to the sink, in any order, from any thread, each as soon as
     * it is made (the generator sorts what it reports).
     *
     * @throws CodegenException listing every problem, if the catalog cannot be turned into code
     */
    void contribute(CodegenInput input, SourceSink sink);

    /**
     * The files for the catalog, in memory, sorted by path.
     *
     * @throws CodegenException listing every problem, if the catalog cannot be turned into code
     */
    default List<GeneratedFile> contribute(CodegenInput input) {
        List<GeneratedFile> files = Collections.synchronizedList(new ArrayList<>());
        contribute(input, (path, origin, text) -> files.add(new GeneratedFile(path, render(text), origin)));
        List<GeneratedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(GeneratedFile::path));
        return sorted;
    }

    private static String render(SourceSink.Text text) {
        StringBuilder out = new StringBuilder();
        try {
            text.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
