package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import java.util.List;

/**
 * One step of code generation: turns the catalog into source files, in memory. {@link
 * CodeGenerator} runs every contributor, checks that no two files collide, and alone writes the
 * output directory.
 *
 * <p>This is the extension point for the per-topic code: a {@code TopicSources} contributor will
 * add {@code <Topic>Producer}, {@code <Topic>Handler} and {@code <Topic>Consumer}, and a constants
 * class with topic names and subjects, using {@link io.github.eventcat.catalog.Event#javaTypeName()}
 * to name each event's record (Avro or JSON Schema alike).
 */
public interface SourceContributor {

    /**
     * A name and revision for the fingerprint, e.g. {@code json-records/1}. Change the revision when
     * the contributor's output changes for the same input, so that existing outputs are regenerated.
     */
    String id();

    /**
     * The files for the catalog, in any order (the generator sorts them).
     *
     * @throws CodegenException listing every problem, if the catalog cannot be turned into code
     */
    List<GeneratedFile> contribute(Catalog catalog, CodegenConfiguration configuration);
}
