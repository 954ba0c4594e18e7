package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Parallel;
import io.github.eventcat.codegen.light.state.GeneratorState;
import io.github.eventcat.codegen.light.state.InputFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generates the Java sources of a catalog into an output directory, deterministically and
 * incrementally:
 *
 * <ul>
 *   <li>the same catalog and configuration give byte-identical files (sorted inputs, no dates);
 *   <li>when the fingerprint of catalog content, generator version and configuration matches the
 *       one stored by the previous run, nothing is generated and no file is touched;
 *   <li>a file whose content did not change is not rewritten (its time stamp stays, so the
 *       compiler's own incremental checks keep working);
 *   <li>files of a previous run whose schema is gone are deleted.
 * </ul>
 */
public final class CodeGenerator {
    /** The {@code @Generated} value of generated JSON Schema records. */
    public static final String GENERATOR_NAME = CodeGenerator.class.getName();

    private final List<String> ids;
    private final Supplier<List<SourceContributor>> create;
    private volatile List<SourceContributor> contributors;

    /** A generator running the given steps; see {@link #standard()} for the usual set. */
    public CodeGenerator(List<SourceContributor> contributors) {
        this.contributors = List.copyOf(Objects.requireNonNull(contributors, "contributors == null"));
        this.ids = this.contributors.stream().map(SourceContributor::id).toList();
        this.create = () -> this.contributors;
    }

    /**
     * Steps known by their ids, created on the first run that generates: a run that finds the output
     * up to date loads neither Avro's compiler nor JavaPoet.
     */
    private CodeGenerator(List<String> ids, Supplier<List<SourceContributor>> create) {
        this.ids = List.copyOf(ids);
        this.create = create;
    }

    /**
     * Avro records (Avro's own compiler), JSON Schema records (JavaPoet), and per topic a producer,
     * a handler interface and a consumer, with the catalog's constants class.
     */
    public static CodeGenerator standard() {
        // The ids are constants (inlined): naming them loads none of the steps' classes.
        return new CodeGenerator(
                List.of(
                        AvroSources.ID_PREFIX + AvroVersion.get(),
                        JsonSchemaSources.ID,
                        CatalogConstantsSources.ID,
                        ProducerSources.ID,
                        HandlerSources.ID,
                        ConsumerSources.ID,
                        OutboxProducerSources.ID),
                () -> {
                    List<SourceContributor> all = new ArrayList<>(List.of(new AvroSources(), new JsonSchemaSources()));
                    all.addAll(TopicSources.contributors());
                    return all;
                });
    }

    /** Only the event records (Avro and JSON Schema), without per-topic clients. */
    public static CodeGenerator records() {
        return new CodeGenerator(
                List.of(AvroSources.ID_PREFIX + AvroVersion.get(), JsonSchemaSources.ID),
                () -> List.of(new AvroSources(), new JsonSchemaSources()));
    }

    /** The steps, created on first use; their ids are those the fingerprints were made with. */
    private List<SourceContributor> contributors() {
        List<SourceContributor> steps = contributors;
        if (steps == null) {
            synchronized (this) {
                steps = contributors;
                if (steps == null) {
                    steps = List.copyOf(create.get());
                    List<String> made =
                            steps.stream().map(SourceContributor::id).toList();
                    if (!made.equals(ids)) {
                        throw new IllegalStateException("the generator's steps " + made + " are not " + ids);
                    }
                    contributors = steps;
                }
            }
        }
        return steps;
    }

    /**
     * Runs the generator.
     *
     * @throws CodegenException if the catalog cannot be turned into code; nothing is written then
     * @throws UncheckedIOException if the output directory cannot be read or written
     */
    public GenerationResult generate(GenerationRequest request) {
        return generate(request, Optional.empty());
    }

    /**
     * Runs the generator on a catalog loaded from files whose {@link #inputs input fingerprint} is
     * given, and records it, so that the next run on the same files can stop at {@link #upToDate}.
     *
     * @throws CodegenException if the catalog cannot be turned into code; nothing is written then
     * @throws UncheckedIOException if the output directory cannot be read or written
     */
    public GenerationResult generate(GenerationRequest request, InputFingerprint inputs) {
        return generate(request, Optional.of(inputs));
    }

    private GenerationResult generate(GenerationRequest request, Optional<InputFingerprint> inputs) {
        CodegenConfiguration configuration = request.configuration();
        // The plugin running this generator may be a SNAPSHOT told apart by its jars (see the
        // input fingerprint): the content fingerprint holds that identity too, so that a rebuilt
        // generator regenerates rather than keeping the previous code's output.
        String fingerprint = Fingerprint.of(
                request.catalog(), configuration, contributorIds(), inputs.map(InputFingerprint::plugin));
        OutputDirectory output = new OutputDirectory(configuration.outputDirectory());
        try {
            if (output.isUpToDate(fingerprint)) {
                return output.upToDate(inputs);
            }
            // Each file is written as soon as it is made, and only its path kept.
            OutputDirectory.Writer writer = output.writer();
            try {
                List<CodegenProblem> problems = contribute(request, writer);
                problems.addAll(collisions(writer.claims()));
                if (!problems.isEmpty()) {
                    throw new CodegenException(problems);
                }
            } catch (RuntimeException | Error e) {
                try {
                    writer.abandon();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return writer.finish(fingerprint, inputs);
        } catch (IOException e) {
            throw writeFailure(configuration, e);
        } catch (UncheckedIOException e) {
            throw writeFailure(configuration, e.getCause());
        }
    }

    private static UncheckedIOException writeFailure(CodegenConfiguration configuration, IOException e) {
        return new UncheckedIOException(
                "Tried to write generated sources to " + configuration.outputDirectory() + " but failed because: " + e,
                e);
    }

    /**
     * The fingerprint of the catalog's files (a directory holding {@code catalog.yaml}, or a catalog
     * jar), this generator's version and steps and the configuration, computed without loading the
     * catalog.
     *
     * @throws UncheckedIOException if a file under the catalog cannot be read
     */
    public InputFingerprint inputs(Path catalog, CodegenConfiguration configuration) {
        try {
            // The state is read once: its digests serve the fingerprint, its content upToDate.
            GeneratorState.Snapshot state = new OutputDirectory(configuration.outputDirectory()).snapshot();
            return InputFingerprint.of(
                    catalog, Fingerprint.GENERATOR_VERSION, contributorIds(), configuration.canonical(), state);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Tried to read the generator's state in " + configuration.outputDirectory()
                            + " but failed because: " + e,
                    e);
        }
    }

    /**
     * The result of the previous run, when it was made from the same input files, generator and
     * configuration and every file it generated is still in the output directory: then there is
     * nothing to do, and the catalog need not even be loaded. Touches no file.
     *
     * @throws UncheckedIOException if the output directory cannot be read
     */
    public Optional<GenerationResult> upToDate(InputFingerprint inputs, CodegenConfiguration configuration) {
        try {
            return new OutputDirectory(configuration.outputDirectory()).upToDateInputs(inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Tried to read the generator's state in " + configuration.outputDirectory()
                            + " but failed because: " + e,
                    e);
        }
    }

    /**
     * Every file the catalog yields, sorted by path, without touching the disk.
     *
     * @throws CodegenException if the catalog cannot be turned into code
     */
    public List<GeneratedFile> generateInMemory(GenerationRequest request) {
        List<GeneratedFile> files = Collections.synchronizedList(new ArrayList<>());
        List<CodegenProblem> problems = contribute(request, (path, origin, text) -> {
            StringBuilder content = new StringBuilder();
            try {
                text.writeTo(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            files.add(new GeneratedFile(path, content.toString(), origin));
        });
        List<GeneratedFile> sorted = new ArrayList<>(files);
        problems.addAll(collisions(sorted.stream()
                .map(f -> new OutputDirectory.Claim(f.path(), f.origin()))
                .toList()));
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
        sorted.sort(Comparator.comparing(GeneratedFile::path));
        return List.copyOf(sorted);
    }

    /**
     * Runs every contributor into the sink; the problems they found, each once.
     */
    private List<CodegenProblem> contribute(GenerationRequest request, SourceSink sink) {
        // Contributors, and the topics, types and schemas inside them, run on every processor; what
        // the sink keeps is sorted by path, so the result is the same whatever the scheduling.
        CodegenInput input = new CodegenInput(request.catalog(), request.configuration());
        List<List<CodegenProblem>> found = Parallel.run(() -> Parallel.map(contributors(), c -> {
            try {
                c.contribute(input, sink);
                return List.<CodegenProblem>of();
            } catch (CodegenException e) {
                return e.problems();
            }
        }));
        List<CodegenProblem> problems = new ArrayList<>();
        for (List<CodegenProblem> contribution : found) {
            // A problem of a shared model (CodegenInput) reaches every contributor that uses it: once.
            contribution.stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        return problems;
    }

    private List<String> contributorIds() {
        return ids;
    }

    /**
     * Two files with the same path, or paths differing only in case (one would overwrite the other
     * on macOS and Windows file systems): two schemas would become the same class.
     */
    private static List<CodegenProblem> collisions(List<OutputDirectory.Claim> files) {
        List<CodegenProblem> problems = new ArrayList<>();
        Map<String, OutputDirectory.Claim> byPath = new HashMap<>();
        files.stream()
                .sorted(Comparator.comparing(OutputDirectory.Claim::path).thenComparing(OutputDirectory.Claim::origin))
                .forEach(file -> {
                    OutputDirectory.Claim first = byPath.putIfAbsent(file.path().toLowerCase(Locale.ROOT), file);
                    if (first != null) {
                        problems.add(collision(first, file));
                    }
                });
        return problems;
    }

    private static CodegenProblem collision(OutputDirectory.Claim first, OutputDirectory.Claim second) {
        String className = javaName(second.path());
        boolean sameName = first.path().equals(second.path());
        String clash = sameName
                ? "would both become the Java class " + className
                : "would become the Java classes " + javaName(first.path()) + " and " + className
                        + ", whose files differ only in case and overwrite each other on case-insensitive"
                        + " file systems";
        int hash = second.origin().indexOf('#');
        String file = hash < 0 ? second.origin() : second.origin().substring(0, hash);
        String location = hash < 0 ? "" : second.origin().substring(hash);
        boolean topic =
                first.origin().startsWith(Catalog.MANIFEST) || second.origin().startsWith(Catalog.MANIFEST);
        return new CodegenProblem(
                file,
                location,
                "this " + (file.equals(Catalog.MANIFEST) ? "topic" : "schema") + " and "
                        + first.origin() + " " + clash + " — rename one of them ("
                        + (topic ? "a topic: its key under \"topics\" in catalog.yaml; " : "")
                        + "JSON Schema: \"title\" or the $defs name; Avro: \"name\" or \"namespace\")");
    }

    private static String javaName(String path) {
        return path.replaceFirst("\\.java$", "").replace('/', '.');
    }
}
