package io.github.eventcat.codegen.maven;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogProblem;
import io.github.eventcat.codegen.CodegenException;
import io.github.eventcat.codegen.CodegenProblem;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns the core's exceptions into Maven's, the same way for every goal of this plugin.
 *
 * <p>A problem with the catalog itself fails the build ({@link MojoFailureException}): the user
 * must change the catalog. Each problem is one line {@code file:line:col: message}, the form
 * compilers use, so IDEs and CI consoles link to the place. A failure of the machinery (a file
 * that cannot be written, an artifact that cannot be downloaded) is a {@link
 * MojoExecutionException} saying what was tried.
 */
final class Failures {
  private Failures() {}

  /**
   * The catalog does not load. The core's exception is not chained: Maven would print its
   * message again after this one, and its stack trace says nothing a user needs.
   *
   * @param catalog the catalog as the user knows it (a directory or artifact coordinates)
   */
  static MojoFailureException invalidCatalog(String catalog, CatalogException e) {
    List<String> lines = e.problems().stream().map(CatalogProblem::toString).toList();
    return new MojoFailureException(render("The catalog at " + catalog, lines, "load"));
  }

  static MojoFailureException cannotGenerate(String catalog, CodegenException e) {
    List<String> lines = e.problems().stream().map(CodegenProblem::toString).toList();
    return new MojoFailureException(
        render("Code cannot be generated from the catalog at " + catalog + ": it", lines, "generate"));
  }

  /**
   * An infrastructure failure: {@code "Tried to <action> but failed because: <cause>"}.
   *
   * @param action what was attempted, with its target, e.g. {@code "resolve the catalog artifact
   *     com.example:events:1.0"}
   */
  static MojoExecutionException tried(String action, Throwable cause) {
    return new MojoExecutionException(
        "Tried to " + action + " but failed because: " + describe(cause), cause);
  }

  private static String render(String subject, List<String> lines, String verb) {
    StringBuilder message = new StringBuilder(subject)
        .append(" has ")
        .append(lines.size())
        .append(lines.size() == 1 ? " problem" : " problems")
        .append("; fix ")
        .append(lines.size() == 1 ? "it" : "them")
        .append(" and ")
        .append(verb)
        .append(" again:");
    lines.forEach(line -> message.append('\n').append(line));
    return message.toString();
  }

  /**
   * An I/O failure the core reported; its message already says what was tried ("Tried to read
   * the catalog at ... but failed"), and the cause says why.
   */
  static MojoExecutionException ioFailure(UncheckedIOException e) {
    String message = e.getMessage();
    if (!message.contains("because")) {
      message += " because: " + e.getCause();
    }
    return new MojoExecutionException(message, e);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
  }
}
