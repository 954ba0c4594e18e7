package io.github.eventcat.codegen.engine;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.CodeGenerator;
import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.CodegenException;
import io.github.eventcat.codegen.DateTimeType;
import io.github.eventcat.codegen.GenerationRequest;
import io.github.eventcat.codegen.GenerationResult;
import io.github.eventcat.codegen.MoneyDetection;
import io.github.eventcat.codegen.light.engine.EngineException;
import io.github.eventcat.codegen.light.engine.GenerateOptions;
import io.github.eventcat.codegen.light.engine.GenerateRequest;
import io.github.eventcat.codegen.light.engine.GenerateResult;
import io.github.eventcat.maven.common.Failures;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/** The work of the {@code generate} goal once the plugin's no-op check found work. */
final class Generate {
    private Generate() {}

    /**
     * Loads the catalog and generates its sources, recording the request's input fingerprint; a
     * catalog that does not load generates nothing.
     */
    static GenerateResult run(GenerateRequest request) throws EngineException {
        try {
            Catalog catalog = CatalogLoader.loadFrom(request.catalog());
            GenerationResult result = CodeGenerator.standard()
                    .generate(
                            new GenerationRequest(catalog, configuration(request.outputDirectory(), request.options())),
                            request.inputs());
            return new GenerateResult(result.upToDate(), result.written(), result.unchanged(), result.deleted());
        } catch (CatalogException e) {
            throw EngineException.failure(Messages.invalidCatalog(request.catalogDescription(), e));
        } catch (CodegenException e) {
            throw EngineException.failure(Failures.problems(
                    "Code cannot be generated from the catalog at " + request.catalogDescription() + ": it",
                    e.problems().stream().map(Object::toString).toList(),
                    "generate"));
        } catch (UncheckedIOException e) {
            throw EngineException.error(Failures.ioFailureMessage(e), e);
        }
    }

    /** The core's defaults with the options the user set. */
    static CodegenConfiguration configuration(Path outputDirectory, GenerateOptions options) {
        CodegenConfiguration defaults = CodegenConfiguration.defaults(outputDirectory);
        MoneyDetection money = defaults.moneyDetection();
        return defaults.withOutbox(options.outbox())
                .withDateTimeType(
                        options.dateTimeType() == null
                                ? defaults.dateTimeType()
                                : DateTimeType.valueOf(options.dateTimeType().name()))
                .withBuilderThreshold(
                        options.builderThreshold() == null ? defaults.builderThreshold() : options.builderThreshold())
                .withMoneyDetection(new MoneyDetection(
                        options.decimalMultipleOf() == null ? money.multipleOf() : options.decimalMultipleOf(),
                        options.decimalFormats().isEmpty()
                                ? money.decimalFormats()
                                : Set.copyOf(options.decimalFormats()),
                        options.decimalAllNumbers() == null ? money.allNumbers() : options.decimalAllNumbers()));
    }
}
