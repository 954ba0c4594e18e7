package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.codegen.CodeGenerator;
import io.github.eventcat.codegen.CodegenException;
import io.github.eventcat.codegen.GenerationRequest;
import io.github.eventcat.codegen.GenerationResult;
import io.github.eventcat.codegen.InputFingerprint;
import io.github.eventcat.maven.common.Failures;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The work of the {@code generate} goal, apart from Maven's configuration and logging. */
final class GenerateGoal {
    private GenerateGoal() {}

    /**
     * Generates the catalog's sources; a catalog that does not load generates nothing. When the
     * catalog's files, the plugin and the configuration are those of the previous run (and its files
     * are still there), stops before loading the catalog.
     */
    static GenerationResult run(GenerateRequest request) throws MojoFailureException, MojoExecutionException {
        try {
            CodeGenerator generator = CodeGenerator.standard();
            InputFingerprint inputs = generator.inputs(request.catalog().path(), request.configuration());
            Optional<GenerationResult> upToDate = generator.upToDate(inputs, request.configuration());
            if (upToDate.isPresent()) {
                return upToDate.get();
            }
            Catalog catalog = request.catalog().load();
            return generator.generate(new GenerationRequest(catalog, request.configuration()), inputs);
        } catch (CatalogException e) {
            throw Failures.invalidCatalog(request.catalog().description(), e);
        } catch (CodegenException e) {
            throw new MojoFailureException(Failures.problems(
                    "Code cannot be generated from the catalog at "
                            + request.catalog().description() + ": it",
                    e.problems().stream().map(Object::toString).toList(),
                    "generate"));
        } catch (UncheckedIOException e) {
            throw Failures.ioFailure(e);
        } catch (RuntimeException e) {
            throw Failures.bug("codegen:generate", e);
        }
    }

    /** The one line the build log gets. */
    static String summary(GenerateRequest request, GenerationResult result) {
        if (result.upToDate()) {
            return "Catalog unchanged: nothing to generate ("
                    + result.unchanged().size() + " files in " + request.shownOutputDirectory() + ")";
        }
        return "Generated " + result.written().size() + " files ("
                + result.unchanged().size()
                + " unchanged, " + result.deleted().size() + " deleted) from catalog "
                + request.catalog().description() + " into " + request.shownOutputDirectory();
    }
}
