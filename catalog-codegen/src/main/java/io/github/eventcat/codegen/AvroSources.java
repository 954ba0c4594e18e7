package io.github.eventcat.codegen;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Parallel;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaGraph;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.context.Context;

/**
 * Avro events: the {@code SpecificRecord} classes Avro's own compiler makes, with {@code String}
 * strings and {@code BigDecimal} decimals. Avro 1.12's compiler already maps {@code uuid} to
 * {@code UUID}, {@code timestamp-millis}/{@code -micros} to {@code Instant} and {@code date} to
 * {@code LocalDate}.
 *
 * <p>All Avro schemas of the catalog are compiled together, so a named type used by several
 * files, in any order, becomes one class.
 */
final class AvroSources implements SourceContributor {

    /** The step's id without Avro's version, a constant: see {@link #id(String)}. */
    static final String ID_PREFIX = "avro-specific/2 avro=";

    @Override
    public String id() {
        return id(AvroVersion.get());
    }

    /** The step's id for Avro {@code version}. */
    static String id(String version) {
        return ID_PREFIX + version;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        Catalog catalog = input.catalog();
        List<SchemaFile> files = catalog.schemaFiles().stream()
                .filter(f -> f.format() == SchemaFormat.AVRO)
                .toList();
        if (files.isEmpty()) {
            return;
        }
        List<CodegenProblem> problems = new ArrayList<>();
        files.forEach(f -> AvroDocs.checkJavaClasses(catalog, f, problems));
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
        // Avro's compiler marks the schemas it compiles ("avro.java.string"); the catalog's schemas
        // are shared and must stay as written, so it gets copies. A schema's text inlines the named
        // types it uses, so each copy stands alone; equal copies of a type are compiled once. The
        // copies' docs are made inert (Avro's compiler only escapes a literal comment end), and the
        // compiler puts the original docs back into each class's SCHEMA$.
        AvroDocs docs = new AvroDocs();
        // The file that defines each named type, as the catalog resolved it.
        Map<String, SchemaGraph.AvroNamedType> definitions =
                catalog.schemaGraph().avroNamedTypes();
        String fallback = files.get(0).path();
        // Batches of files are compiled by compilers of their own, on every processor, one file's
        // copy at a time: the copy is made, its named types compiled and passed to the sink, then
        // dropped, so a run never holds a copy of every schema. A named type that the files of two
        // batches inline is the same type (the catalog has one definition per name, and its copies
        // are equal): whichever batch reaches it first compiles it, the other skips it.
        int batches = Math.min(Parallel.parallelism(), files.size());
        Set<String> taken = ConcurrentHashMap.newKeySet();
        Parallel.forEach(IntStream.range(0, batches).boxed().toList(), b -> {
            SpecificCompiler compiler = compiler(docs);
            for (SchemaFile file : files.subList(b * files.size() / batches, (b + 1) * files.size() / batches)) {
                Schema copy = new Schema.Parser()
                        .parse(docs.inert(catalog.avroSchema(file).toString()));
                for (Schema schema : namedTypes(copy)) {
                    if (!taken.add(schema.getFullName())) {
                        continue;
                    }
                    InMemoryOutput.Output output = InMemoryOutput.compile(compiler, schema);
                    String origin = Optional.ofNullable(definitions.get(schema.getFullName()))
                            .map(SchemaGraph.AvroNamedType::file)
                            .orElse(fallback);
                    sink.accept(output.path(), origin, out -> out.append(output.contents()));
                }
            }
        });
    }

    /** A compiler configured as avro-maven-plugin's {@code stringType=String}, decimals on. */
    private static SpecificCompiler compiler(AvroDocs docs) {
        SpecificCompiler compiler = new AvroDocs.OriginalDocsCompiler(List.of(), docs);
        compiler.setStringType(GenericData.StringType.String);
        compiler.setEnableDecimalLogicalType(true);
        compiler.setOutputCharacterEncoding("UTF-8");
        InMemoryOutput.cacheTemplates(compiler);
        return compiler;
    }

    /**
     * The named types (records, enums, fixed) a schema defines, itself included: the classes Avro's
     * compiler makes of it (its constructor queues the same types, by the same walk).
     */
    static List<Schema> namedTypes(Schema schema) {
        List<Schema> types = new ArrayList<>();
        namedTypes(schema, types, Collections.newSetFromMap(new IdentityHashMap<>()));
        return types;
    }

    private static void namedTypes(Schema schema, List<Schema> types, Set<Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema)) {
                    types.add(schema);
                    schema.getFields().forEach(field -> namedTypes(field.schema(), types, seen));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema)) {
                    types.add(schema);
                }
            }
            case MAP -> namedTypes(schema.getValueType(), types, seen);
            case ARRAY -> namedTypes(schema.getElementType(), types, seen);
            case UNION -> schema.getTypes().forEach(branch -> namedTypes(branch, types, seen));
            default -> {}
        }
    }

    /**
     * Runs Avro's compiler without letting it write files. Its public entry point writes straight
     * to a directory and decides by file time stamps whether to overwrite, which would take control
     * of the output directory away from {@link CodeGenerator}; the package-private {@code compile()}
     * returns the same files in memory. The Avro version is pinned by the build, and a test compiles
     * Avro output, so a change there fails loudly rather than silently.
     */
    static final class InMemoryOutput {
        private InMemoryOutput() {}

        /**
         * Makes the compiler's Velocity engine keep its parsed templates, and render each template
         * of one compiler in one long-lived Velocity context.
         *
         * <p>Avro's compiler asks the engine for {@code record.vm} once per class, and Velocity
         * re-reads and re-parses a template on every request unless its resource loader caches: with
         * a thousand records, parsing the templates took most of the generation time. Must run
         * before the first template is read (the engine initializes itself lazily then).
         *
         * <p>The compiler also makes a new context per class, and Velocity keeps what it learnt
         * about the methods a template calls (which method of which class) in the context: each
         * class looked every method up again (reusing the context took a tenth off the Avro step's
         * profile samples). {@link
         * ReusingContextTemplate} renders with one context per template instead, holding exactly the
         * compiler's values for the class at hand, so the lookups are made once per compiler.
         */
        static void cacheTemplates(SpecificCompiler compiler) {
            try {
                Field engineField = SpecificCompiler.class.getDeclaredField("velocityEngine");
                engineField.setAccessible(true);
                VelocityEngine engine = (VelocityEngine) engineField.get(compiler);
                engine.setProperty("resource.loader.class.cache", true);
                engine.setProperty("resource.loader.file.cache", true);
                engineField.set(compiler, new ReusingContextEngine(engine));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "This Avro version's SpecificCompiler has no Velocity engine"
                                + " field; use the Avro version catalog-codegen was built with",
                        e);
            }
        }

        /**
         * The compiler's engine, handing out its templates as {@link ReusingContextTemplate}s. The
         * compiler only asks it for templates (by name); everything else is the wrapped engine's.
         * Used by one thread: each batch of files has a compiler of its own.
         */
        static final class ReusingContextEngine extends VelocityEngine {
            private final VelocityEngine engine;
            private final Map<String, Template> templates = new HashMap<>();

            ReusingContextEngine(VelocityEngine engine) {
                this.engine = engine;
            }

            @Override
            public Template getTemplate(String name) {
                return templates.computeIfAbsent(name, n -> new ReusingContextTemplate(engine.getTemplate(n)));
            }
        }

        /**
         * A template that renders in a context of its own, emptied and given the caller's values
         * before each rendering: the output is the same as rendering in the caller's context (the
         * same variables, none left from an earlier class), and Velocity's method look-ups, which it
         * caches in the context, are kept from class to class. A rendering inside a rendering (no
         * Avro template does that today) uses the caller's context.
         */
        static final class ReusingContextTemplate extends Template {
            private final Template template;
            private final VelocityContext context = new VelocityContext();
            private boolean rendering;

            ReusingContextTemplate(Template template) {
                this.template = template;
            }

            @Override
            public void merge(Context values, Writer writer) {
                if (rendering) {
                    template.merge(values, writer);
                    return;
                }
                for (String key : context.getKeys()) {
                    context.remove(key);
                }
                for (String key : values.getKeys()) {
                    context.put(key, values.get(key));
                }
                rendering = true;
                try {
                    template.merge(context, writer);
                } finally {
                    rendering = false;
                }
            }
        }

        /** A compiled class: relative path (with {@code /}) and Java source. */
        record Output(String path, String contents) {}

        /** Compiles one named type, as the compiler's {@code compile()} does for each type it queued. */
        static Output compile(SpecificCompiler compiler, Schema schema) {
            try {
                Method compile = SpecificCompiler.class.getDeclaredMethod("compile", Schema.class);
                compile.setAccessible(true);
                Object output = compile.invoke(compiler, schema);
                return new Output(
                        ((String) field(output, "path")).replace('\\', '/'), (String) field(output, "contents"));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Avro's compiler failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "This Avro version's SpecificCompiler has no in-memory"
                                + " compile(Schema); use the Avro version catalog-codegen was built with",
                        e);
            }
        }

        private static Object field(Object output, String name) throws ReflectiveOperationException {
            Field field = output.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(output);
        }
    }
}
