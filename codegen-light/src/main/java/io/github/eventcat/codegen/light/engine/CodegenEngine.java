package io.github.eventcat.codegen.light.engine;

/**
 * The work of the codegen plugin's goals, behind the catalog loader, the generators and the
 * compatibility checker: found with {@link java.util.ServiceLoader} in {@code codegen-engine}, which
 * the plugin loads only when a goal has work to do. Requests and results are JDK types and this
 * module's, so the plugin needs nothing else to call it.
 */
public interface CodegenEngine {
    /** Generates the catalog's sources (the no-op check has already found work). */
    GenerateResult generate(GenerateRequest request, EngineLog log) throws EngineException;

    /** Lints the catalog, logs the findings and fails on errors. */
    void lint(LintRequest request, EngineLog log) throws EngineException;

    /** Checks the catalog against its baseline, logs the report and fails on breaking findings. */
    void checkCompatibility(CompatibilityRequest request, EngineLog log) throws EngineException;

    /** Writes the catalog's docs site and AsyncAPI document. */
    DocsResult docs(DocsRequest request, EngineLog log) throws EngineException;
}
