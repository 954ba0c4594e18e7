package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.codegen.light.engine.DateTimeType;
import io.github.eventcat.codegen.light.engine.GenerateOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code generate} goal as Maven configures it: the harness reads the built plugin descriptor
 * and evaluates each parameter's property and default expression, as a real build does.
 *
 * <p>Harness 3.3.0 has no JUnit 5 support; its {@link AbstractMojoTestCase} is driven by hand
 * ({@code setUp}/{@code tearDown} around each JUnit 5 test).
 */
class GenerateMojoTest extends AbstractMojoTestCase {
    private static final Path EXAMPLE_CATALOG = Path.of(System.getProperty("example.catalog"));

    @TempDir
    Path project;

    /** The Maven model of the project in {@link #project}, made by {@link #mojo}. */
    private MavenProject mavenProject;

    @BeforeEach
    void startContainer() throws Exception {
        setUp();
    }

    @AfterEach
    void stopContainer() throws Exception {
        tearDown();
    }

    @Test
    void defaultsAreLeftToTheCoreAndTheDirectoriesAreInTheUsualPlaces() throws Exception {
        GenerateMojo mojo = mojo(Map.of());

        assertThat(mojo.catalogLocation(null).path()).isEqualTo(project.resolve("src/main/catalog"));
        assertThat(mojo.catalogLocation(null).description()).isEqualTo("src/main/catalog");
        assertThat(mojo.outputDirectory.toPath()).isEqualTo(project.resolve("target/generated-sources/eventcat"));
        assertThat(mojo.options()).isEqualTo(new GenerateOptions(null, null, List.of(), null, null, false));
    }

    @Test
    void everyOptionHasANamespacedProperty() throws Exception {
        GenerateMojo mojo = mojo(Map.of(
                "codegen.catalogDirectory", project.resolve("events").toString(),
                "codegen.outputDirectory", project.resolve("out").toString(),
                "codegen.dateTimeType", "OFFSET_DATE_TIME",
                "codegen.decimalMultipleOf", "false",
                "codegen.decimalFormats", "money,currency",
                "codegen.decimalAllNumbers", "true",
                "codegen.builderThreshold", "2",
                "codegen.outbox", "true"));

        assertThat(mojo.catalogLocation(null).path()).isEqualTo(project.resolve("events"));
        assertThat(mojo.outputDirectory.toPath()).isEqualTo(project.resolve("out"));
        assertThat(mojo.options())
                .isEqualTo(new GenerateOptions(
                        DateTimeType.OFFSET_DATE_TIME, false, List.of("money", "currency"), true, 2, true));
    }

    @Test
    void thePluginsDependenciesArePartOfTheConfigurationTheNoOpIsDecidedOn() throws Exception {
        GenerateMojo mojo = mojo(Map.of());
        String without = mojo.configuration(mojo.options());

        mojo.setPluginContext(new HashMap<>(Map.of("pluginDescriptor", descriptorPinning("2.4"))));
        String pinned = mojo.configuration(mojo.options());
        mojo.setPluginContext(new HashMap<>(Map.of("pluginDescriptor", descriptorPinning("2.3"))));
        String other = mojo.configuration(mojo.options());

        assertThat(without).endsWith(";pluginDependencies=[]");
        assertThat(pinned).endsWith(";pluginDependencies=[org.apache.velocity:velocity-engine-core:jar:2.4]");
        assertThat(other).isNotEqualTo(pinned);
    }

    /** What Maven keeps in the plugin context: the plugin as the project's pom declares it. */
    private static PluginDescriptor descriptorPinning(String velocityVersion) {
        Dependency velocity = new Dependency();
        velocity.setGroupId("org.apache.velocity");
        velocity.setArtifactId("velocity-engine-core");
        velocity.setVersion(velocityVersion);
        Plugin plugin = new Plugin();
        plugin.setDependencies(List.of(velocity));
        PluginDescriptor descriptor = new PluginDescriptor();
        descriptor.setPlugin(plugin);
        return descriptor;
    }

    @Test
    void skipGeneratesNothingAndAddsNoSourceRoot() throws Exception {
        GenerateMojo mojo =
                mojo(Map.of("codegen.skip", "true", "codegen.catalogDirectory", EXAMPLE_CATALOG.toString()));

        mojo.execute();

        assertThat(project.resolve("target")).doesNotExist();
        assertThat(mavenProject.getCompileSourceRoots()).isEmpty();
    }

    @Test
    void generatesTheExampleCatalogAndAddsTheSourceRoot() throws Exception {
        Path output = project.resolve("target/generated-sources/eventcat");

        mojo(Map.of("codegen.catalogDirectory", EXAMPLE_CATALOG.toString())).execute();

        assertThat(output.resolve("com/example/repairshop/TicketOpened.java")).isRegularFile();
        assertThat(output.resolve("com/example/events/TaskEvent.java")).isRegularFile();
        assertThat(mavenProject.getCompileSourceRoots()).containsExactly(output.toString());
    }

    @Test
    void secondRunTouchesNoFile() throws Exception {
        Map<String, String> properties = Map.of("codegen.catalogDirectory", EXAMPLE_CATALOG.toString());
        Path generated = project.resolve("target/generated-sources/eventcat/com/example/events/TaskEvent.java");
        mojo(properties).execute();
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(generated, old);

        mojo(properties).execute();

        assertThat(Files.getLastModifiedTime(generated)).isEqualTo(old);
    }

    @Test
    void invalidCatalogFailsWithEveryProblemOnItsOwnLine() throws Exception {
        Path catalog = Files.createDirectories(project.resolve("src/main/catalog"));
        Files.writeString(
                catalog.resolve("catalog.yaml"),
                String.join(
                        "\n",
                        "package: com.example.events",
                        "topics:",
                        "  bad topic:",
                        "    key: id",
                        "    events: [schemas/missing.avsc]",
                        ""));

        assertThatThrownBy(() -> mojo(Map.of()).execute())
                .isInstanceOf(MojoFailureException.class)
                .satisfies(e -> assertThat(e.getMessage().lines().toList()).satisfies(lines -> {
                    assertThat(lines.get(0))
                            .startsWith("The catalog at ")
                            .endsWith(" has 2 problems; fix them and load again:");
                    assertThat(lines.subList(1, lines.size()))
                            .hasSize(2)
                            .allMatch(line -> line.startsWith("catalog.yaml:"), "catalog.yaml:line:col: ...");
                }));
    }

    @Test
    void catalogArtifactWithoutAManagedVersionSaysWhatToWrite() throws Exception {
        GenerateMojo mojo = mojo(Map.of("codegen.catalogArtifact", "com.example:events-catalog"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The catalog artifact com.example:events-catalog has no version, and the"
                        + " project's dependencyManagement and dependencies give it none: write"
                        + " com.example:events-catalog:<version>, or manage its version");
    }

    @Test
    void malformedCatalogArtifactNamesTheParameter() throws Exception {
        GenerateMojo mojo = mojo(Map.of("codegen.catalogArtifact", "events-catalog"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The catalog artifact 'events-catalog' is not"
                        + " groupId:artifactId[:extension[:classifier]]:version (codegen.catalogArtifact)");
    }

    /** The goal, configured the way Maven would for a project in the temporary directory. */
    private GenerateMojo mojo(Map<String, String> userProperties) throws Exception {
        mavenProject = new MavenProject();
        mavenProject.setFile(project.resolve("pom.xml").toFile());
        mavenProject.getBuild().setDirectory(project.resolve("target").toString());
        mavenProject.setRemoteArtifactRepositories(List.of());
        MavenSession session = newMavenSession(mavenProject);
        userProperties.forEach(session.getUserProperties()::setProperty);
        MojoExecution execution = newMojoExecution("generate");
        return (GenerateMojo) lookupConfiguredMojo(session, execution);
    }
}
