package io.github.eventcat.codegen.maven;

import java.util.List;
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

/**
 * Resolves a catalog released as a Maven artifact the way Maven resolves a dependency: from the
 * reactor, the local repository, then the project's remote repositories (with the mirrors,
 * proxies and credentials of {@code settings.xml}).
 *
 * <p>Coordinates are {@code groupId:artifactId[:extension[:classifier]]:version}. Written {@code
 * groupId:artifactId}, the version is the one the project's {@code dependencyManagement} (a BOM,
 * say) or {@code dependencies} give that artifact, so a platform can manage catalog versions like
 * any other.
 */
final class CatalogArtifacts {
  private final RepositorySystem repositorySystem;
  private final RepositorySystemSession session;
  private final MavenProject project;

  CatalogArtifacts(
      RepositorySystem repositorySystem, RepositorySystemSession session, MavenProject project) {
    this.repositorySystem = repositorySystem;
    this.session = session;
    this.project = project;
  }

  CatalogLocation resolve(String coordinates) throws MojoExecutionException {
    Artifact artifact = artifact(coordinates.trim());
    List<RemoteRepository> repositories = project.getRemoteProjectRepositories();
    try {
      Artifact resolved = repositorySystem
          .resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
          .getArtifact();
      return new CatalogLocation(resolved.getFile().toPath(), resolved.toString());
    } catch (ArtifactResolutionException e) {
      throw Failures.tried("resolve the catalog artifact " + artifact + " from "
          + repositories.stream().map(RemoteRepository::getUrl).toList(), e);
    }
  }

  private Artifact artifact(String coordinates) throws MojoExecutionException {
    String[] parts = coordinates.split(":", -1);
    if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
      String version = managedVersion(parts[0], parts[1]).orElseThrow(() ->
          new MojoExecutionException("The catalog artifact " + coordinates + " has no version,"
              + " and the project's dependencyManagement and dependencies give it none: write "
              + coordinates + ":<version>, or manage its version"));
      return new DefaultArtifact(parts[0], parts[1], "jar", version);
    }
    try {
      return new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("The catalog artifact '" + coordinates + "' is not"
          + " groupId:artifactId[:extension[:classifier]]:version (codegen.catalogArtifact)", e);
    }
  }

  private Optional<String> managedVersion(String groupId, String artifactId) {
    DependencyManagement management = project.getDependencyManagement();
    Stream<Dependency> managed =
        management == null ? Stream.empty() : management.getDependencies().stream();
    return Stream.concat(managed, project.getDependencies().stream())
        .filter(d -> d.getGroupId().equals(groupId) && d.getArtifactId().equals(artifactId))
        .map(Dependency::getVersion)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }
}
