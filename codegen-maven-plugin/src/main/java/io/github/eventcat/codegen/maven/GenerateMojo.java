package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.DateTimeType;
import io.github.eventcat.maven.common.CatalogLocation;
import io.github.eventcat.maven.common.PropertyNames.Codegen;
import java.io.File;
import java.util.List;
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
    private File outputDirectory;

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
        GenerateRequest request = request();
        getLog().info(GenerateGoal.summary(request, GenerateGoal.run(request)));
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }

    GenerateRequest request() throws MojoExecutionException {
        CatalogLocation catalog = catalogLocation(catalogArtifact);
        return new GenerateRequest(
                catalog,
                GenerateRequest.configuration(
                        outputDirectory.toPath(),
                        dateTimeType,
                        decimalMultipleOf,
                        decimalFormats,
                        decimalAllNumbers,
                        builderThreshold,
                        outbox),
                projectBase());
    }
}
