package io.github.eventcat.codegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin asks Maven's resolver for when a goal has work: the engine at the plugin's
 * version with the user's plugin dependencies winning; and what an offline build without it says.
 * With Maven's real resolver (from the harness's container) on an empty local repository.
 */
class EngineLoaderTest extends AbstractMojoTestCase {
    private static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2").build();

    @TempDir
    Path localRepository;

    private RepositorySystem system;
    private DefaultRepositorySystemSession session;

    @BeforeEach
    void startContainer() throws Exception {
        setUp();
        system = lookup(RepositorySystem.class);
        session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
    }

    @AfterEach
    void stopContainer() throws Exception {
        tearDown();
    }

    @Test
    void theEngineIsResolvedAtThePluginsVersionWithTheUsersPluginDependenciesWinning() {
        Dependency velocity = new Dependency();
        velocity.setGroupId("org.apache.velocity");
        velocity.setArtifactId("velocity-engine-core");
        velocity.setVersion("2.4");

        CollectRequest request = loader(List.of(velocity)).collectRequest();

        assertThat(request.getRoot().getArtifact().toString())
                .isEqualTo("io.github.eventcat:codegen-engine:jar:" + EngineLoader.PLUGIN_VERSION);
        assertThat(request.getRoot().getScope()).isEqualTo("runtime");
        assertThat(request.getDependencies())
                .extracting(d -> d.getArtifact().toString())
                .containsExactly("org.apache.velocity:velocity-engine-core:jar:2.4");
        assertThat(request.getManagedDependencies())
                .extracting(d -> d.getArtifact().toString())
                .containsExactly("org.apache.velocity:velocity-engine-core:jar:2.4");
        assertThat(request.getRepositories()).containsExactly(CENTRAL);
        assertThat(EngineLoader.PLUGIN_VERSION).isNotBlank().doesNotContain("${");
    }

    @Test
    void aSnapshotIsToldApartByItsJarsSoThatAReinstalledOneGeneratesAgain() throws Exception {
        assumeTrue(EngineLoader.PLUGIN_VERSION.endsWith("-SNAPSHOT"), "a release is its version");
        Path pluginJar = Files.write(localRepository.resolve("plugin.jar"), new byte[] {1});
        for (String module : EngineLoader.GENERATING_MODULES) {
            Path jar = localRepository.resolve(session.getLocalRepositoryManager()
                    .getPathForLocalArtifact(
                            new DefaultArtifact(EngineLoader.GROUP_ID, module, "jar", EngineLoader.PLUGIN_VERSION)));
            Files.createDirectories(jar.getParent());
            Files.write(jar, new byte[] {1, 2});
        }
        String installed = EngineLoader.generatorIdentity(session, Optional.of(pluginJar));

        assertThat(EngineLoader.generatorIdentity(session, Optional.of(pluginJar)))
                .isEqualTo(installed)
                .startsWith(EngineLoader.PLUGIN_VERSION + " (plugin 1@")
                .contains(", catalog-codegen 2@");

        // catalog-codegen reinstalled with other code under the same version
        Path generator = localRepository.resolve(session.getLocalRepositoryManager()
                .getPathForLocalArtifact(new DefaultArtifact(
                        EngineLoader.GROUP_ID, "catalog-codegen", "jar", EngineLoader.PLUGIN_VERSION)));
        Files.write(generator, new byte[] {1, 2, 3});
        String reinstalled = EngineLoader.generatorIdentity(session, Optional.of(pluginJar));
        assertThat(reinstalled).isNotEqualTo(installed);

        // The same size, a later time (a rebuild that changed one constant)
        Files.write(generator, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(
                generator,
                FileTime.fromMillis(Files.getLastModifiedTime(generator).toMillis() + 10_000));
        assertThat(EngineLoader.generatorIdentity(session, Optional.of(pluginJar)))
                .isNotEqualTo(reinstalled);

        // Not found, or no plugin jar known: every run generates
        Files.delete(generator);
        assertThat(EngineLoader.generatorIdentity(session, Optional.of(pluginJar)))
                .isNotEqualTo(EngineLoader.generatorIdentity(session, Optional.of(pluginJar)));
        assertThat(EngineLoader.generatorIdentity(session, Optional.empty()))
                .isNotEqualTo(EngineLoader.generatorIdentity(session, Optional.empty()));
    }

    @Test
    void theEnginesClassLoaderIsMadeAgainWhenAJarOfItsClassPathChangedOnDisk() throws Exception {
        // A JVM that runs many builds (a Maven daemon) keeps the plugin realm and its cache.
        Path engine = Files.write(localRepository.resolve("engine.jar"), new byte[] {1, 2});
        Path library = Files.write(localRepository.resolve("library.jar"), new byte[] {1});
        List<Path> classPath = List.of(engine, library);
        List<List<Path>> made = new ArrayList<>();
        Function<List<Path>, ClassLoader> make = files -> {
            made.add(files);
            return new URLClassLoader(new URL[0], null);
        };

        ClassLoader first = EngineLoader.cachedLoader(classPath, make);
        assertThat(EngineLoader.cachedLoader(classPath, make)).isSameAs(first);
        assertThat(made).hasSize(1);

        // The engine SNAPSHOT reinstalled: same path, same size, a later time
        Files.write(engine, new byte[] {1, 3});
        Files.setLastModifiedTime(
                engine, FileTime.fromMillis(Files.getLastModifiedTime(engine).toMillis() + 10_000));
        ClassLoader second = EngineLoader.cachedLoader(classPath, make);
        assertThat(second).isNotSameAs(first);
        assertThat(EngineLoader.cachedLoader(classPath, make)).isSameAs(second);

        // Another size at the same time
        FileTime time = Files.getLastModifiedTime(library);
        Files.write(library, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(library, time);
        assertThat(EngineLoader.cachedLoader(classPath, make)).isNotSameAs(second);
        assertThat(made).hasSize(3);
    }

    @Test
    void offlineWithoutTheEngineSaysWhatToRun() {
        session.setOffline(true);

        assertThatThrownBy(() -> loader(List.of()).resolve())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The codegen engine io.github.eventcat:codegen-engine:" + EngineLoader.PLUGIN_VERSION
                        + ", which this plugin loads when there is work to do, is not in the local repository and"
                        + " Maven is offline: run mvn dependency:get -Dartifact=io.github.eventcat:codegen-engine:"
                        + EngineLoader.PLUGIN_VERSION + " (or this build once without -o), then build again");
    }

    private EngineLoader loader(List<Dependency> pluginDependencies) {
        return new EngineLoader(
                system,
                session,
                List.of(CENTRAL),
                pluginDependencies,
                EngineLoaderTest.class.getClassLoader(),
                new SystemStreamLog());
    }
}
