package io.github.eventcat.codegen.engine;

import io.github.eventcat.codegen.light.engine.CodegenEngine;
import io.github.eventcat.codegen.light.engine.CompatibilityRequest;
import io.github.eventcat.codegen.light.engine.DocsRequest;
import io.github.eventcat.codegen.light.engine.DocsResult;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.EngineLog;
import io.github.eventcat.codegen.light.engine.GenerateRequest;
import io.github.eventcat.codegen.light.engine.GenerateResult;
import io.github.eventcat.codegen.light.engine.LintRequest;

/** The engine the codegen plugin loads ({@code META-INF/services}): catalog-codegen, catalog-docs, schema-catalog. */
public final class StandardCodegenEngine implements CodegenEngine {
    @Override
    public GenerateResult generate(GenerateRequest request, EngineLog log) throws EngineException {
        return Generate.run(request);
    }

    @Override
    public void lint(LintRequest request, EngineLog log) throws EngineException {
        Lint.run(request, log);
    }

    @Override
    public void checkCompatibility(CompatibilityRequest request, EngineLog log) throws EngineException {
        CompatibilityGate.run(request, log);
    }

    @Override
    public DocsResult docs(DocsRequest request, EngineLog log) throws EngineException {
        return Docs.run(request, log);
    }
}
