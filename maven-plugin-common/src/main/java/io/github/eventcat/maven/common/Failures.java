package io.github.eventcat.maven.common;

import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogProblem;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one error renderer of both plugins: turns what went wrong into Maven's exceptions, saying
 * what is wrong, where, and what to do.
 *
 * <ul>
 *   <li>A problem with the user's input (the catalog, a finding) fails the build ({@link
 *       MojoFailureException}): each problem one line {@code file:line:col: message}, the form
 *       compilers use, so IDEs and CI consoles link to the place, then what to do.
 *   <li>A failure of the machinery (a file that cannot be written, an artifact or a registry that
 *       cannot be reached) is a {@link MojoExecutionException}: "Tried to ... but failed because:
 *       ...".
 *   <li>A bug — any exception a goal did not expect — is a {@link MojoExecutionException} saying
 *       "internal error, please report", never dressed up as a failure of the user's input (see
 *       {@link #guard}).
 * </ul>
 */
public final class Failures {
    private Failures() {}

    /** The body of a goal. */
    @FunctionalInterface
    public interface Goal {
        void run() throws MojoExecutionException, MojoFailureException;
    }

    /**
     * Runs a goal: Maven's exceptions pass, an I/O failure the core reported becomes {@link
     * #ioFailure}, and any other exception is a bug ({@link #bug}).
     *
     * @param plugin the plugin and goal as users know it, e.g. {@code registry:sync}
     */
    public static void guard(String plugin, Goal goal) throws MojoExecutionException, MojoFailureException {
        try {
            goal.run();
        } catch (UncheckedIOException e) {
            throw ioFailure(e);
        } catch (RuntimeException | LinkageError e) {
            throw bug(plugin, e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(plugin, e);
        }
    }

    /**
     * The JVM ran out of memory: neither a bug nor a problem of the catalog, but Maven's heap being
     * too small for it (Maven's own message is only "Java heap space"). What the goal held is
     * unreachable once it has thrown, so this message can still be made.
     */
    public static MojoExecutionException outOfMemory(String plugin, OutOfMemoryError e) {
        long largestHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        // A fork/join pool rethrows a copy of a worker's error, without its message: the cause has it.
        String what = "Java heap space";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError && t.getMessage() != null) {
                what = t.getMessage();
                break;
            }
        }
        String remedy =
                what.contains("Metaspace") ? "raise -XX:MaxMetaspaceSize" : "give Maven a larger heap, e.g. -Xmx2g";
        return new MojoExecutionException(
                plugin + " ran out of memory (" + what + "; Maven's largest heap here is " + largestHeapMb
                        + " MB): " + remedy + " in MAVEN_OPTS or in the project's .mvn/jvm.config, and run it"
                        + " again. A catalog of 20,000 events generates with -Xmx1g; see the"
                        + " codegen-maven-plugin README, \"Large catalogs\".",
                e);
    }

    /** An exception no goal expects: a bug in the plugin, to report with the build's output. */
    public static MojoExecutionException bug(String plugin, Throwable cause) {
        return new MojoExecutionException(
                "Internal error in " + plugin + ", please report it to the Eventcat"
                        + " project with this build's output (mvn -e adds the stack trace): " + cause,
                cause);
    }

    /**
     * The catalog does not load. The core's exception is not chained: Maven would print its
     * message again after this one, and its stack trace says nothing a user needs.
     *
     * @param catalog the catalog as the user knows it (a directory or artifact coordinates)
     * @param verb what to do again once fixed: {@code load}, {@code sync}, {@code check}…
     */
    public static MojoFailureException invalidCatalog(String catalog, CatalogException e, String verb) {
        List<String> lines = e.problems().stream().map(CatalogProblem::toString).toList();
        return new MojoFailureException(problems("The catalog at " + catalog, lines, verb));
    }

    /** {@link #invalidCatalog(String, CatalogException, String)} to load again. */
    public static MojoFailureException invalidCatalog(String catalog, CatalogException e) {
        return invalidCatalog(catalog, e, "load");
    }

    /**
     * Problems with the user's input, one per line: {@code "<subject> has 2 problems; fix them and
     * <verb> again:"}.
     */
    public static String problems(String subject, List<String> lines, String verb) {
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
     * An infrastructure failure: {@code "Tried to <action> but failed because: <cause>"}.
     *
     * @param action what was attempted, with its target, e.g. {@code "resolve the catalog artifact
     *     com.example:events:1.0"}
     */
    public static MojoExecutionException tried(String action, Throwable cause) {
        return new MojoExecutionException(triedMessage(action, cause), cause);
    }

    /** The message of {@link #tried}, for code that reports it without Maven's exceptions. */
    public static String triedMessage(String action, Throwable cause) {
        return "Tried to " + action + " but failed because: " + describe(cause);
    }

    /**
     * An I/O failure the core reported; its message already says what was tried ("Tried to read
     * the catalog at ... but failed"), and the cause says why.
     */
    public static MojoExecutionException ioFailure(UncheckedIOException e) {
        return new MojoExecutionException(ioFailureMessage(e), e);
    }

    /** The message of {@link #ioFailure}, for code that reports it without Maven's exceptions. */
    public static String ioFailureMessage(UncheckedIOException e) {
        String message = e.getMessage();
        if (!message.contains("because")) {
            message += " because: " + e.getCause();
        }
        return message;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }
}
