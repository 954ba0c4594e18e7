package io.github.eventcat.maven.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * Resolves catalog artifacts the way Maven resolves a dependency: from the reactor, the local
 * repository, then the project's remote repositories (with the mirrors, proxies and credentials
 * of {@code settings.xml}).
 *
 * <p>Coordinates are {@code groupId:artifactId[:extension[:classifier]]:version}. A catalog
 * written {@code groupId:artifactId} takes the version the project's {@code dependencyManagement}
 * (a BOM, say) or {@code dependencies} give it; a baseline's version may be a range such as
 * {@code [1.0,1.3]}, meaning every released version in it, oldest first.
 */
public final class ArtifactResolver {
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession session;
    private final MavenProject project;

    /** A resolved artifact: its file, and its version as a user wrote it ({@code 1.0-SNAPSHOT}). */
    public record Resolved(Path file, String version, String coordinates) {
        public Resolved {
            Objects.requireNonNull(file, "file == null");
            Objects.requireNonNull(version, "version == null");
            Objects.requireNonNull(coordinates, "coordinates == null");
        }
    }

    public ArtifactResolver(RepositorySystem repositorySystem, RepositorySystemSession session, MavenProject project) {
        this.repositorySystem = Objects.requireNonNull(repositorySystem, "repositorySystem == null");
        this.session = Objects.requireNonNull(session, "session == null");
        this.project = Objects.requireNonNull(project, "project == null");
    }

    /**
     * A catalog released as an artifact.
     *
     * @param property the parameter's property, named when the coordinates are malformed
     */
    public CatalogLocation catalog(String coordinates, String property) throws MojoExecutionException {
        Artifact artifact = catalogArtifact(coordinates.trim(), property);
        Resolved resolved = resolve(artifact, "the catalog artifact");
        return new CatalogLocation(resolved.file(), resolved.coordinates());
    }

    /**
     * Every released version of an artifact whose version may be a range, oldest first.
     *
     * @param property the parameter's property, named when the coordinates are malformed or the
     *     range holds no version
     */
    public List<Resolved> versions(String coordinates, String property) throws MojoExecutionException {
        Artifact artifact = parse(
                coordinates.trim(),
                property,
                "baseline",
                "groupId:artifactId[:extension[:classifier]]:version, where the version may be a range such as [1.0,1.3]");
        List<Resolved> resolved = new ArrayList<>();
        for (String version : versions(artifact, property)) {
            resolved.add(resolve(artifact.setVersion(version), "the baseline catalog"));
        }
        return resolved;
    }

    private Artifact catalogArtifact(String coordinates, String property) throws MojoExecutionException {
        String[] parts = coordinates.split(":", -1);
        if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
            String version = managedVersion(parts[0], parts[1])
                    .orElseThrow(
                            () -> new MojoExecutionException("The catalog artifact " + coordinates + " has no version,"
                                    + " and the project's dependencyManagement and dependencies give it none: write "
                                    + coordinates + ":<version>, or manage its version"));
            return new DefaultArtifact(parts[0], parts[1], "jar", version);
        }
        return parse(coordinates, property, "catalog artifact", "groupId:artifactId[:extension[:classifier]]:version");
    }

    private static Artifact parse(String coordinates, String property, String what, String form)
            throws MojoExecutionException {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "The " + what + " '" + coordinates + "' is not " + form + " (" + property + ")", e);
        }
    }

    private List<String> versions(Artifact artifact, String property) throws MojoExecutionException {
        String version = artifact.getVersion();
        if (!version.startsWith("[") && !version.startsWith("(")) {
            return List.of(version);
        }
        List<String> versions;
        try {
            versions = repositorySystem
                    .resolveVersionRange(session, new VersionRangeRequest(artifact, repositories(), null))
                    .getVersions()
                    .stream()
                    .map(Version::toString)
                    .toList();
        } catch (VersionRangeResolutionException e) {
            throw Failures.tried(
                    "list the released versions " + version + " of " + artifact.getGroupId() + ":"
                            + artifact.getArtifactId() + " in " + urls(),
                    e);
        }
        if (versions.isEmpty()) {
            throw new MojoExecutionException("No released version of " + artifact.getGroupId() + ":"
                    + artifact.getArtifactId() + " is in the range " + version + " in " + urls()
                    + ": release the catalog first, or widen the range (" + property + ")");
        }
        return versions;
    }

    private Resolved resolve(Artifact artifact, String what) throws MojoExecutionException {
        try {
            Artifact resolved = repositorySystem
                    .resolveArtifact(session, new ArtifactRequest(artifact, repositories(), null))
                    .getArtifact();
            return new Resolved(resolved.getFile().toPath(), resolved.getBaseVersion(), resolved.toString());
        } catch (ArtifactResolutionException e) {
            throw Failures.tried("resolve " + what + " " + artifact + " from " + urls(), e);
        }
    }

    private Optional<String> managedVersion(String groupId, String artifactId) {
        DependencyManagement management = project.getDependencyManagement();
        Stream<Dependency> managed = management == null ? Stream.empty() : management.getDependencies().stream();
        return Stream.concat(managed, project.getDependencies().stream())
                .filter(d -> d.getGroupId().equals(groupId) && d.getArtifactId().equals(artifactId))
                .map(Dependency::getVersion)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
    }

    private List<RemoteRepository> repositories() {
        return project.getRemoteProjectRepositories();
    }

    private List<String> urls() {
        return repositories().stream().map(RemoteRepository::getUrl).toList();
    }
}
