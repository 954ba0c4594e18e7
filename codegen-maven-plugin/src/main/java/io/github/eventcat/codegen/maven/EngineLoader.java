package io.github.eventcat.codegen.maven;

import io.github.eventcat.codegen.light.EventcatVersion;
import io.github.eventcat.codegen.light.engine.CodegenEngine;
import io.github.eventcat.maven.common.Failures;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Finds the codegen engine: {@code io.github.eventcat:codegen-engine} at exactly this plugin's
 * version, resolved with its dependencies like a plugin dependency (the session's local repository,
 * then the project's plugin repositories, with the mirrors, proxies and credentials of {@code
 * settings.xml}), and loaded in a class loader whose parent is the plugin's. The user's {@code
 * <plugin><dependencies>} are direct and managed dependencies of the resolution, so the versions a
 * user pins there win, as they do for the plugin's own dependencies. One class loader per JVM for
 * the same resolved files (a multi-module build or a daemon resolves once and loads once).
 *
 * <p>Only goals with work call this: a no-op {@code generate} never does, so its build loads
 * neither the engine nor the catalog, Avro or JavaPoet.
 */
final class EngineLoader {
    static final String GROUP_ID = "io.github.eventcat";
    static final String ARTIFACT_ID = "codegen-engine";

    /** The plugin's version, from the build: the engine's version has to be the same. */
    static final String PLUGIN_VERSION = EventcatVersion.VALUE;

    private static final String RUNTIME = "runtime";

    /**
     * What a runtime class path holds (the resolver's own filter is in maven-resolver-util, which
     * Maven does not export to plugins): compile and runtime scope.
     */
    private static final DependencyFilter RUNTIME_CLASS_PATH = (node, parents) -> node.getDependency() == null
            || Set.of("", "compile", RUNTIME).contains(node.getDependency().getScope());

    /**
     * The engine's class loaders in this plugin realm, by class path. A JVM that runs many builds (a
     * Maven daemon, an IDE) keeps the realm; an entry made before a jar of the class path changed on
     * disk (a SNAPSHOT reinstalled) is replaced, so the engine is never older than its jars.
     */
    private static final Map<List<Path>, StampedLoader> LOADERS = new ConcurrentHashMap<>();

    /** A class loader with the size and time of each jar it was made from. */
    record StampedLoader(List<String> stamps, ClassLoader loader) {}

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final List<org.apache.maven.model.Dependency> pluginDependencies;
    private final ClassLoader pluginLoader;
    private final Log log;

    EngineLoader(
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            List<org.apache.maven.model.Dependency> pluginDependencies,
            ClassLoader pluginLoader,
            Log log) {
        this.system = Objects.requireNonNull(system, "system == null");
        this.session = Objects.requireNonNull(session, "session == null");
        this.repositories = List.copyOf(repositories);
        this.pluginDependencies = List.copyOf(pluginDependencies);
        this.pluginLoader = Objects.requireNonNull(pluginLoader, "pluginLoader == null");
        this.log = Objects.requireNonNull(log, "log == null");
    }

    /** The engine's coordinates. */
    static Artifact engineArtifact() {
        return new DefaultArtifact(GROUP_ID, ARTIFACT_ID, "jar", PLUGIN_VERSION);
    }

    /**
     * The engine: one already on the plugin's class path (the plugin's own tests, or a build that
     * made it a plugin dependency), else the resolved one.
     *
     * @throws MojoExecutionException when it cannot be resolved
     */
    CodegenEngine load() throws MojoExecutionException {
        Optional<CodegenEngine> present =
                ServiceLoader.load(CodegenEngine.class, pluginLoader).findFirst();
        if (present.isPresent()) {
            log.debug("Codegen engine from the plugin's class path");
            return present.get();
        }
        List<Path> files = resolve();
        if (log.isDebugEnabled()) {
            log.debug("Codegen engine class path: " + files);
        }
        ClassLoader loader = cachedLoader(files, this::classLoader);
        return ServiceLoader.load(CodegenEngine.class, loader)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no " + CodegenEngine.class.getName() + " in " + engineArtifact() + " " + files));
    }

    /** What is resolved: the engine, and the user's plugin dependencies as direct and managed ones. */
    CollectRequest collectRequest() {
        CollectRequest request = new CollectRequest();
        // The engine as the root, as Maven resolves a plugin: its pom's dependencyManagement applies.
        request.setRoot(new Dependency(engineArtifact(), RUNTIME));
        for (org.apache.maven.model.Dependency dependency : pluginDependencies) {
            Dependency pinned = RepositoryUtils.toDependency(dependency, session.getArtifactTypeRegistry());
            request.addDependency(pinned);
            request.addManagedDependency(pinned);
        }
        request.setRepositories(repositories);
        request.setRequestContext("plugin");
        return request;
    }

    /** The engine's jar and its runtime dependencies, in class path order. */
    List<Path> resolve() throws MojoExecutionException {
        DependencyRequest request = new DependencyRequest(collectRequest(), RUNTIME_CLASS_PATH);
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, request).getArtifactResults();
        } catch (DependencyResolutionException e) {
            if (session.isOffline() && !inLocalRepository()) {
                throw new MojoExecutionException(offlineMessage(), e);
            }
            throw Failures.tried(
                    "resolve the codegen engine " + engineArtifact() + " and its dependencies from "
                            + repositories.stream()
                                    .map(RemoteRepository::getUrl)
                                    .toList(),
                    e);
        }
        List<Path> files = new ArrayList<>();
        for (ArtifactResult result : results) {
            files.add(result.getArtifact().getFile().toPath());
        }
        return List.copyOf(files);
    }

    /**
     * The Eventcat modules whose code decides what {@code generate} writes: with the plugin's own
     * jar, what a rebuilt SNAPSHOT may have changed.
     */
    static final List<String> GENERATING_MODULES =
            List.of(ARTIFACT_ID, "catalog-codegen", "schema-catalog", "event-vocabulary", "codegen-light");

    /**
     * The version the no-op decision compares. A release is its version. A SNAPSHOT is rebuilt and
     * reinstalled under one version, so it is also told apart by the size and time of the plugin jar
     * and of each jar in {@link #GENERATING_MODULES}, found where Maven takes them (the reactor, else
     * the local repository) without resolving anything: a SNAPSHOT reinstalled since the last run
     * generates again. A module that is a directory of classes (a reactor build that did not package
     * it) or that cannot be found makes every run generate.
     *
     * @param pluginJar the plugin's jar, when Maven says where it is
     */
    static String generatorIdentity(RepositorySystemSession session, Optional<Path> pluginJar) {
        if (!PLUGIN_VERSION.endsWith("-SNAPSHOT")) {
            return PLUGIN_VERSION;
        }
        StringBuilder identity = new StringBuilder(PLUGIN_VERSION).append(" (");
        identity.append("plugin ")
                .append(pluginJar.map(EngineLoader::fileIdentity).orElseGet(EngineLoader::unknown));
        for (String module : GENERATING_MODULES) {
            Artifact artifact = new DefaultArtifact(GROUP_ID, module, "jar", PLUGIN_VERSION);
            File file = session.getWorkspaceReader() == null
                    ? null
                    : session.getWorkspaceReader().findArtifact(artifact);
            if (file == null && session.getLocalRepositoryManager() != null) {
                file = new File(
                        session.getLocalRepository().getBasedir(),
                        session.getLocalRepositoryManager().getPathForLocalArtifact(artifact));
            }
            identity.append(", ")
                    .append(module)
                    .append(' ')
                    .append(file == null ? unknown() : fileIdentity(file.toPath()));
        }
        return identity.append(')').toString();
    }

    /** Size and time of a jar; for anything else a value no later run repeats. */
    private static String fileIdentity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
            }
        } catch (IOException e) {
            // Not there: generate, and let the engine's resolution say what is missing.
        }
        return unknown();
    }

    /** Never equal to what an earlier run recorded, in this JVM or another: a fresh random value. */
    private static String unknown() {
        return "unknown-" + UUID.randomUUID();
    }

    /** Offline, and the engine was never downloaded: what to run. */
    static String offlineMessage() {
        String coordinates = GROUP_ID + ":" + ARTIFACT_ID + ":" + PLUGIN_VERSION;
        return "The codegen engine " + coordinates + ", which this plugin loads when there is work to do,"
                + " is not in the local repository and Maven is offline: run mvn dependency:get -Dartifact="
                + coordinates + " (or this build once without -o), then build again";
    }

    private boolean inLocalRepository() {
        return session.getLocalRepositoryManager()
                .find(session, new LocalArtifactRequest(engineArtifact(), repositories, null))
                .isAvailable();
    }

    /**
     * The cached class loader of {@code files}, made by {@code make} the first time and again when
     * the size or time of any of the files differs from when it was made.
     */
    static ClassLoader cachedLoader(List<Path> files, Function<List<Path>, ClassLoader> make) {
        List<String> stamps = files.stream().map(EngineLoader::fileIdentity).toList();
        return LOADERS.compute(
                        files,
                        (key, cached) -> cached != null && cached.stamps().equals(stamps)
                                ? cached
                                : new StampedLoader(stamps, make.apply(key)))
                .loader();
    }

    private ClassLoader classLoader(List<Path> files) {
        URL[] urls = new URL[files.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = files.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(files.get(i).toString(), e);
            }
        }
        // Parent first: the engine shares codegen-light's types (the requests, the interface) and
        // Maven's with the plugin; a user's plugin dependency is in both, at the same version.
        return new URLClassLoader("codegen-engine", urls, pluginLoader);
    }
}
