package io.github.eventcat.maven.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The one error renderer: the user's problems fail the build, machinery and bugs are errors. */
class FailuresTest {
    @Test
    void problemsAreOneLineEachEndingInWhatToDo() {
        assertThat(Failures.problems(
                        "The catalog at src/main/catalog", List.of("a.avsc:1:2: bad", "b.avsc:3:4: worse"), "sync"))
                .isEqualTo("The catalog at src/main/catalog has 2 problems; fix them and sync again:\n"
                        + "a.avsc:1:2: bad\nb.avsc:3:4: worse");
        assertThat(Failures.problems("X", List.of("one"), "load"))
                .startsWith("X has 1 problem; fix it and load again:");
    }

    @Test
    void aBugIsAnExecutionExceptionAskingForAReportNeverAFailure() {
        IllegalStateException bug = new IllegalStateException("plan has no subject");

        MojoExecutionException e = catchThrowableOfType(
                MojoExecutionException.class,
                () -> Failures.guard("registry:sync", () -> {
                    throw bug;
                }));

        assertThat(e)
                .hasMessageStartingWith("Internal error in registry:sync, please report it")
                .hasMessageContaining("java.lang.IllegalStateException: plan has no subject")
                .hasCause(bug);
    }

    @Test
    void runningOutOfHeapSaysHowToGiveMavenMoreNeverAskingForABugReport() {
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");

        MojoExecutionException e = catchThrowableOfType(
                MojoExecutionException.class,
                () -> Failures.guard("codegen:generate", () -> {
                    throw heap;
                }));

        long largestHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(e)
                .hasMessage("codegen:generate ran out of memory (Java heap space; Maven's largest heap here is "
                        + largestHeapMb + " MB): give Maven a larger heap, e.g. -Xmx2g in MAVEN_OPTS or in the"
                        + " project's .mvn/jvm.config, and run it again. A catalog of 20,000 events generates"
                        + " with -Xmx1g; see the codegen-maven-plugin README, \"Large catalogs\".")
                .hasCause(heap);
        assertThat(Failures.outOfMemory("registry:sync", new OutOfMemoryError("Metaspace"))
                        .getMessage())
                .contains("(Metaspace; ")
                .contains("raise -XX:MaxMetaspaceSize in MAVEN_OPTS");
        // ForkJoinTask.join() rethrows a worker's error as a copy without a message, the original as its cause
        OutOfMemoryError copy = new OutOfMemoryError();
        copy.initCause(new OutOfMemoryError("Metaspace"));
        assertThat(Failures.outOfMemory("codegen:generate", copy).getMessage()).contains("(Metaspace; ");
        assertThat(Failures.outOfMemory("codegen:generate", new OutOfMemoryError())
                        .getMessage())
                .contains("(Java heap space; ");
    }

    @Test
    void theGoalsOwnExceptionsPassUnchanged() {
        MojoFailureException failure = new MojoFailureException("the catalog breaks compatibility");

        assertThat(catchThrowableOfType(
                        MojoFailureException.class,
                        () -> Failures.guard("codegen:lint", () -> {
                            throw failure;
                        })))
                .isSameAs(failure);
    }

    @Test
    void anIoFailureSaysWhatWasTriedAndWhy() {
        UncheckedIOException io = new UncheckedIOException(
                "Tried to read the catalog at file:/c/ but failed", new IOException("Permission denied"));

        MojoExecutionException e = catchThrowableOfType(
                MojoExecutionException.class,
                () -> Failures.guard("codegen:generate", () -> {
                    throw io;
                }));

        assertThat(e)
                .hasMessage("Tried to read the catalog at file:/c/ but failed because: java.io.IOException: "
                        + "Permission denied");
    }

    @Test
    void triedNamesTheActionAndTheCause() {
        assertThat(Failures.tried("resolve the catalog artifact a:b:1", new IOException("Connection refused")))
                .hasMessage("Tried to resolve the catalog artifact a:b:1 but failed because: Connection refused");
    }
}
