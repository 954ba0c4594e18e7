package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.compat.BaselineSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
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
 * Resolves the released catalog versions the gate checks against, like dependencies: {@code
 * groupId:artifactId[:extension[:classifier]]:version}, where the version may be a range such as
 * {@code [1.0,1.3]}: every released version in it, oldest first, is the history that {@code
 * _TRANSITIVE} levels check against.
 */
final class BaselineArtifacts {
  private final RepositorySystem repositorySystem;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;

  BaselineArtifacts(
      RepositorySystem repositorySystem, RepositorySystemSession session, List<RemoteRepository> repositories) {
    this.repositorySystem = repositorySystem;
    this.session = session;
    this.repositories = repositories;
  }

  List<BaselineSource> resolve(String coordinates) throws MojoExecutionException {
    Artifact artifact = parse(coordinates.trim());
    List<BaselineSource> jars = new ArrayList<>();
    for (String version : versions(artifact)) {
      Artifact resolved = resolveOne(artifact.setVersion(version));
      jars.add(BaselineSource.jar(resolved.getFile().toPath(), resolved.getBaseVersion()));
    }
    return jars;
  }

  private static Artifact parse(String coordinates) throws MojoExecutionException {
    try {
      return new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("The baseline '" + coordinates + "' is not"
          + " groupId:artifactId[:extension[:classifier]]:version, where the version may be a range"
          + " such as [1.0,1.3] (codegen.compat.baseline)", e);
    }
  }

  private List<String> versions(Artifact artifact) throws MojoExecutionException {
    String version = artifact.getVersion();
    if (!version.startsWith("[") && !version.startsWith("(")) {
      return List.of(version);
    }
    try {
      List<String> versions = repositorySystem
          .resolveVersionRange(session, new VersionRangeRequest(artifact, repositories, null))
          .getVersions().stream()
          .map(Version::toString)
          .toList();
      if (versions.isEmpty()) {
        throw new MojoExecutionException("No released version of " + artifact.getGroupId() + ":"
            + artifact.getArtifactId() + " is in the range " + version + " in " + urls()
            + ": release the catalog first, or widen the range (codegen.compat.baseline)");
      }
      return versions;
    } catch (VersionRangeResolutionException e) {
      throw Failures.tried("list the released versions " + version + " of " + artifact.getGroupId()
          + ":" + artifact.getArtifactId() + " in " + urls(), e);
    }
  }

  private Artifact resolveOne(Artifact artifact) throws MojoExecutionException {
    try {
      return repositorySystem
          .resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
          .getArtifact();
    } catch (ArtifactResolutionException e) {
      throw Failures.tried("resolve the baseline catalog " + artifact + " from " + urls(), e);
    }
  }

  private List<String> urls() {
    return repositories.stream().map(RemoteRepository::getUrl).toList();
  }
}
