package io.github.eventcat.codegen;

import java.util.List;

/**
 * One kind of generated artifact: turns the catalog into source files, in memory. {@link
 * CodeGenerator} runs every contributor (concurrently), checks that no two files collide, and alone
 * writes the output directory. What several contributors need is built once, in {@link
 * CodegenInput}.
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
    List<GeneratedFile> contribute(CodegenInput input);
}
