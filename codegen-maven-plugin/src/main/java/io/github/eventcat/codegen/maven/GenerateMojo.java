package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.engine.DateTimeType;
import io.github.eventcat.codegen.light.engine.GenerateInputs;
import io.github.eventcat.codegen.light.engine.GenerateOptions;
import io.github.eventcat.codegen.light.engine.GenerateRequest;
import io.github.eventcat.codegen.light.engine.GenerateResult;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.Failures;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates typed Java sources from an event catalog and adds them to the compile source roots.
 * Unchanged catalog and configuration: nothing is generated and no file is touched.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends CatalogMojo {
    /** A released catalog jar, {@code groupId:artifactId[:ext[:classifier]]:version}; see README. */
    @Parameter(property = Codegen.CATALOG_ARTIFACT)
    private String catalogArtifact;

    /** The generated source root; the goal owns it (files of schemas that are gone are deleted). */
    @Parameter(
            property = Codegen.OUTPUT_DIRECTORY,
            defaultValue = "${project.build.directory}/generated-sources/eventcat")
    File outputDirectory;

    /** Java type of JSON Schema {@code date-time} strings: INSTANT (default) or OFFSET_DATE_TIME. */
    @Parameter(property = Codegen.DATE_TIME_TYPE)
    private DateTimeType dateTimeType;

    /** Whether a JSON {@code number} with {@code multipleOf} is a BigDecimal (default true). */
    @Parameter(property = Codegen.DECIMAL_MULTIPLE_OF)
    private Boolean decimalMultipleOf;

    /** JSON {@code number} formats that mean BigDecimal (default, and when empty: decimal, money). */
    @Parameter(property = Codegen.DECIMAL_FORMATS)
    private List<String> decimalFormats;

    /** Whether every JSON {@code number} is a BigDecimal (default false). */
    @Parameter(property = Codegen.DECIMAL_ALL_NUMBERS)
    private Boolean decimalAllNumbers;

    /** JSON records with at least this many components get a builder (default 4). */
    @Parameter(property = Codegen.BUILDER_THRESHOLD)
    private Integer builderThreshold;

    /** Also generate {@code <Topic>OutboxProducer}s; the project then needs {@code event-outbox}. */
    @Parameter(property = Codegen.OUTBOX, defaultValue = "false")
    private boolean outbox;

    /** Skip the goal (no source root is added). */
    @Parameter(property = Codegen.SKIP, defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping code generation (codegen.skip)");
            return;
        }
        CatalogLocation catalog = catalogLocation(catalogArtifact);
        Path output = outputDirectory.toPath();
        GenerateOptions options = options();
        String shown = shown(output, projectBase());
        List<String> summary = new ArrayList<>(1);
        Failures.guard("codegen:generate", () -> {
            // Decided with codegen-light alone: a no-op build never loads the engine.
            GenerateInputs.Decision decision = GenerateInputs.decide(
                    catalog.path(),
                    output,
                    EngineLoader.generatorIdentity(session.getRepositorySession(), pluginJar()),
                    configuration(options));
            if (decision.upToDate().isPresent()) {
                // Their number only: the state's file names are not read.
                summary.add(unchanged(decision.upToDate().get().files().size(), shown));
            } else {
                GenerateRequest request =
                        new GenerateRequest(catalog.path(), catalog.description(), output, options, decision.inputs());
                summary.add(summary(
                        catalog,
                        shown,
                        withEngine("codegen:generate", (engine, log) -> engine.generate(request, log))));
            }
        });
        getLog().info(summary.get(0));
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }

    /** The options the user set; the engine applies the generator's defaults to the rest. */
    GenerateOptions options() {
        return new GenerateOptions(
                dateTimeType, decimalMultipleOf, decimalFormats, decimalAllNumbers, builderThreshold, outbox);
    }

    /**
     * Everything besides the catalog and the plugin's version that shapes the output, for the input
     * fingerprint: the options, and this plugin's dependencies in the pom (a user pinning another
     * Avro changes the generated code).
     */
    String configuration(GenerateOptions options) {
        List<String> dependencies = new ArrayList<>();
        for (Dependency d : pluginDependencies()) {
            dependencies.add(d.getManagementKey() + ":" + d.getVersion());
        }
        Collections.sort(dependencies);
        return options.canonical() + ";pluginDependencies=" + dependencies;
    }

    /** The output directory, relative to the project when inside it. */
    private static String shown(Path output, Path projectBase) {
        return output.startsWith(projectBase) ? projectBase.relativize(output).toString() : output.toString();
    }

    /** The one line the build log gets when there was nothing to generate. */
    static String unchanged(int files, String shownOutput) {
        return "Catalog unchanged: nothing to generate (" + files + " files in " + shownOutput + ")";
    }

    /** The one line the build log gets. */
    static String summary(CatalogLocation catalog, String shownOutput, GenerateResult result) {
        if (result.upToDate()) {
            return unchanged(result.unchanged().size(), shownOutput);
        }
        return "Generated " + result.written().size() + " files ("
                + result.unchanged().size() + " unchanged, "
                + result.deleted().size() + " deleted) from catalog " + catalog.description() + " into "
                + shownOutput;
    }
}
