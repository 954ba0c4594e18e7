package io.github.eventcat.catalog;

import static io.github.eventcat.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads, parses and compiles schema files over the cores: what it reports and what it
 * builds must be the same, in the same order, as when every file is taken one by one.
 */
class ConcurrentLoadTest {
    private static final int EACH = 20;

    @TempDir
    Path root;

    @Test
    void manyBrokenFilesGiveTheSameOrderedReportAsOneByOne() throws IOException {
        writeCatalog(true);

        List<CatalogProblem> concurrent = failure(() -> CatalogLoader.load(root));
        List<CatalogProblem> oneByOne = failure(() -> Parallel.sequentially(() -> CatalogLoader.load(root)));

        assertThat(concurrent).isEqualTo(oneByOne);
        assertThat(concurrent).isSortedAccordingTo(CatalogProblem.ORDER);
        // A broken file loses none of the others' problems: every broken file is reported.
        Set<String> reported = new TreeSet<>();
        concurrent.forEach(p -> reported.add(p.file()));
        for (int i = 0; i < EACH; i++) {
            assertThat(reported)
                    .contains(
                            "schemas/syntax_" + i + ".avsc",
                            "schemas/default_" + i + ".avsc",
                            "schemas/unknown_" + i + ".avsc",
                            "schemas/untitled_" + i + ".json",
                            "schemas/meta_" + i + ".json");
        }
        assertThat(reported).noneMatch(file -> file.contains("good_") || file.contains("shared_"));
        assertThat(concurrent)
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith("schemas/unknown_7.avsc:")
                        .contains("unknown type \"com.example.Missing7\""))
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith("schemas/default_3.avsc:")
                        .contains("field \"count\" has default \"x\""))
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith("schemas/syntax_11.avsc:")
                        .contains("not valid JSON"))
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith("schemas/untitled_5.json:")
                        .contains("missing top-level \"title\""));
    }

    @Test
    void aValidCatalogLoadsTheSameModelAsOneByOne() throws IOException {
        writeCatalog(false);

        Catalog concurrent = CatalogLoader.load(root);
        Catalog oneByOne = Parallel.sequentially(() -> CatalogLoader.load(root));

        assertThat(describe(concurrent)).isEqualTo(describe(oneByOne)).hasSize(4 * EACH + 3);
        assertThat(concurrent.topics())
                .extracting(Topic::name)
                .isEqualTo(oneByOne.topics().stream().map(Topic::name).toList());
    }

    @Test
    void parallelMapKeepsTheInputOrderAndRethrowsTheFirstFailureAfterAllFinished() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        assertThat(Parallel.map(items, i -> i * 2))
                .isEqualTo(items.stream().map(i -> i * 2).toList());

        Set<Integer> done = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> Parallel.map(items, i -> {
                    done.add(i);
                    if (i % 100 == 37) {
                        throw new IllegalArgumentException("item " + i);
                    }
                    return i;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 37");
        assertThat(done).hasSize(items.size());
    }

    @Test
    void forkRunsBesideTheCallerInsideAPoolAndRethrowsAsThrown() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int sum = Parallel.run(() -> {
            java.util.function.Supplier<Integer> forked = Parallel.fork(() -> {
                threads.add(Thread.currentThread().getName());
                return 40;
            });
            return forked.get() + 2;
        });
        assertThat(sum).isEqualTo(42);
        assertThat(threads).allMatch(name -> name.startsWith("eventcat-worker-"));

        java.util.function.Supplier<Integer> failed = Parallel.run(() -> Parallel.fork(() -> {
            throw new IllegalStateException("forked");
        }));
        assertThatThrownBy(failed::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("forked");

        // Outside a pool, and one by one, the work is done before fork returns, on the caller's thread.
        String caller = Thread.currentThread().getName();
        assertThat(Parallel.fork(() -> Thread.currentThread().getName()).get()).isEqualTo(caller);
        assertThat(Parallel.sequentially(() -> Parallel.run(() ->
                        Parallel.fork(() -> Thread.currentThread().getName()).get())))
                .isEqualTo(caller);
    }

    @Test
    void aLongFirstItemDoesNotHoldUpTheOthers() throws InterruptedException {
        // The code generator's steps are such a list: the Avro step is first and the longest. While
        // another thread works on it, the thread that forked the list must go on with the rest.
        assumeTrue(Parallel.parallelism() > 1, "one processor: the items run one by one");
        for (int round = 0; round < 20; round++) {
            CountDownLatch otherStarted = new CountDownLatch(1);
            List<Boolean> sawOthers = Parallel.run(() -> Parallel.map(List.of(0, 1, 2, 3), i -> {
                if (i > 0) {
                    otherStarted.countDown();
                    return true;
                }
                try {
                    return otherStarted.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(sawOthers.get(0))
                    .as("round %d: another item started while the first was running", round)
                    .isTrue();
        }
    }

    @Test
    void aBrokenManifestReportsOnlyItsOwnProblemsWhileTheSchemaFilesAreReadBeside() throws IOException {
        writeCatalog(true);
        write(root.resolve("catalog.yaml"), "package: com.example\ntopics: [unclosed\n");
        List<CatalogProblem> problems = failure(() -> CatalogLoader.load(root));
        assertThat(problems).isNotEmpty().allMatch(p -> p.file().equals("catalog.yaml"));
        assertThat(failure(() -> Parallel.sequentially(() -> CatalogLoader.load(root))))
                .isEqualTo(problems);
        // The catalog's limits are the manifest's problems too, but only once the manifest reads.
        List<CatalogProblem> limited = failure(() -> CatalogLoader.load(root, 3, Long.MAX_VALUE));
        assertThat(limited).isEqualTo(problems);
    }

    private static List<CatalogProblem> failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable load) {
        CatalogException e = catchThrowableOfType(CatalogException.class, load);
        assertThat(e).as("the catalog must fail to load").isNotNull();
        return e.problems();
    }

    /** Every event and schema file of a catalog, in the catalog's order, with what defines it. */
    private static List<String> describe(Catalog catalog) {
        List<String> lines = new ArrayList<>();
        for (Topic topic : catalog.topics()) {
            topic.events()
                    .forEach(e -> lines.add(topic.name() + " " + e.recordFullName() + " "
                            + e.schemaFile().path() + " " + e.schemaFile().references()));
        }
        catalog.schemaFiles().forEach(f -> lines.add(f.path() + " " + f.references()));
        return lines;
    }

    /**
     * Good Avro events that use types of three shared files (so compiling takes two waves), good
     * JSON Schema events, and with {@code broken} as many files of each kind of problem.
     */
    private void writeCatalog(boolean broken) throws IOException {
        StringBuilder manifest = new StringBuilder("package: com.example.events\ntopics:\n");
        for (int k = 0; k < 3; k++) {
            write(
                    root.resolve("schemas/shared_" + k + ".avsc"),
                    "{\"type\": \"record\", \"name\": \"Shared" + k + "\", \"namespace\": \"com.example\","
                            + " \"fields\": [{\"name\": \"x\", \"type\": \"int\"}]}");
        }
        for (int i = 0; i < EACH; i++) {
            topic(manifest, "good_" + i + ".avsc");
            write(
                    root.resolve("schemas/good_" + i + ".avsc"),
                    record("Good" + i, "{\"name\": \"shared\", \"type\": \"com.example.Shared" + (i % 3) + "\"}"));
            topic(manifest, "goodjson_" + i + ".json");
            write(
                    root.resolve("schemas/goodjson_" + i + ".json"),
                    "{\"title\": \"GoodJson" + i + "\", \"type\": \"object\", \"properties\": {\"id\":"
                            + " {\"type\": \"string\"}}, \"required\": [\"id\"]}");
            if (!broken) {
                continue;
            }
            topic(manifest, "syntax_" + i + ".avsc");
            write(root.resolve("schemas/syntax_" + i + ".avsc"), "{\"type\": \"record\", \"name\": ");
            topic(manifest, "default_" + i + ".avsc");
            write(
                    root.resolve("schemas/default_" + i + ".avsc"),
                    record("Default" + i, "{\"name\": \"count\", \"type\": \"int\", \"default\": \"x\"}"));
            topic(manifest, "unknown_" + i + ".avsc");
            write(
                    root.resolve("schemas/unknown_" + i + ".avsc"),
                    record("Unknown" + i, "{\"name\": \"other\", \"type\": \"com.example.Missing" + i + "\"}"));
            topic(manifest, "untitled_" + i + ".json");
            write(
                    root.resolve("schemas/untitled_" + i + ".json"),
                    "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}");
            topic(manifest, "meta_" + i + ".json");
            write(
                    root.resolve("schemas/meta_" + i + ".json"),
                    "{\"title\": \"Meta" + i + "\", \"type\": \"object\", \"properties\": {\"id\":"
                            + " {\"type\": 5}}}");
        }
        write(root.resolve("catalog.yaml"), manifest.toString());
    }

    private static void topic(StringBuilder manifest, String file) {
        String name = file.substring(0, file.indexOf('.')).replace('_', '-');
        manifest.append("  ")
                .append(name)
                .append(":\n    key: id\n    events:\n      - schemas/")
                .append(file)
                .append('\n');
    }

    private static String record(String name, String extraField) {
        return "{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"com.example\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": \"string\"}, " + extraField + "]}";
    }
}
