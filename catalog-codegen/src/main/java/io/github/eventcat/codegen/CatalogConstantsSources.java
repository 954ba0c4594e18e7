package io.github.eventcat.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.FileReference;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.catalog.registration.SubjectConflictException;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The catalog's constants class ({@code EventCatalog}): per topic its name, key field,
 * partitions, retention, dead-letter topic, subjects and the record name → Java type map its
 * deserializer needs, and its registration form (what {@code registry:sync} registers for its
 * values, which producers register or look up); and the text of every schema file that form
 * uses, JSON value schemas first, which JSON serializers also validate against (generated JSON
 * records do not carry their schema).
 */
final class CatalogConstantsSources implements SourceContributor {
    /** The step's id, a constant: the generator knows it without loading the step. */
    static final String ID = "catalog-constants/2";

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final TypeName STRING = ClassName.get(String.class);
    private static final String GENERATOR_NAME =
            JavaText.stringLiteral(CodeGenerator.GENERATOR_NAME, TopicSources.INDENT);
    private static final ClassName SCHEMA_REGISTRATION =
            ClassName.get("io.github.eventcat.runtime.registry", "SchemaRegistration");
    private static final ClassName SCHEMA_REFERENCE =
            ClassName.get("io.github.eventcat.vocabulary", "SubjectReference");
    private static final ClassName SCHEMA_TYPE = ClassName.get("io.github.eventcat.vocabulary", "SchemaType");
    // One instance of each type the constants use, for every topic's fields: at 1,000 topics the
    // class's JavaPoet model holds 10,000 fields, and it is held whole while built and written.
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);
    private static final ClassName OPTIONAL_INT = ClassName.get(OptionalInt.class);
    private static final ClassName OPTIONAL_LONG = ClassName.get(OptionalLong.class);
    private static final TypeName LIST_OF_STRINGS = ParameterizedTypeName.get(LIST, STRING);
    private static final TypeName CLASS_OF_ANY =
            ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
    private static final TypeName LIST_OF_REGISTRATIONS = ParameterizedTypeName.get(LIST, SCHEMA_REGISTRATION);
    private static final TypeName EVENT_TYPES = ParameterizedTypeName.get(MAP, STRING, CLASS_OF_ANY);
    // Every topic's constants have the same docs: one CodeBlock each.
    private static final CodeBlock KEY_FIELD_DOC = doc("The field of every event that becomes the record key.");
    private static final CodeBlock PARTITIONS_DOC =
            doc("Partitions to create the topic with; empty: the broker's default.");
    private static final CodeBlock RETENTION_MS_DOC =
            doc("The topic's {@code retention.ms} (-1: forever); empty: the broker's default.");
    private static final CodeBlock DEAD_LETTER_TOPIC_DOC =
            doc("Where the generated consumer sends records it cannot handle (the runtime's default).");
    private static final CodeBlock SUBJECT_NAMING_DOC = doc("The subject naming strategy of the topic's schemas.");
    private static final CodeBlock SUBJECTS_DOC = doc("The Schema Registry subjects of the topic, sorted.");
    private static final CodeBlock EVENT_TYPES_DOC =
            doc("Record name (Avro full name, JSON Schema title) → Java type: what the deserializer reads"
                    + " each writer schema into.");
    private static final CodeBlock REGISTRATIONS_DOC =
            doc("What the catalog registers for the topic's values, exactly as {@code registry:sync} does:"
                    + " each schema a value schema references under its own subject first, then the value"
                    + " subjects, each with its file's text. Generated producers register (with {@code"
                    + " auto.register.schemas=true}) or look up this form.");
    private static final CodeBlock NAME_DOC = doc("The topic name.");

    /** The most topics, and schema files in {@code Schemas}, one constants class can hold. */
    static final int MAX_TOPICS = 20_000;

    /** The most topics {@code TOPICS} is written as {@code List.of("...", ...)} for. */
    static final int MAX_LISTED_TOPICS = 1_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        TopicModel model = input.topicModel();
        if (!model.usable()) {
            return;
        }
        TopicSources.file(model.constantsClass(), constants(input.catalog(), model), "catalog.yaml")
                .to(sink);
    }

    /**
     * @throws CodegenException when the catalog would put two schema files under one subject (no
     *     registry can hold it as the catalog says)
     */
    static TypeSpec constants(Catalog catalog, TopicModel model) {
        RegistrationForm form = registrationForm(catalog);
        Map<String, String> schemaConstants = schemaConstants(catalog, model, form);
        checkClassFileLimits(model.topics().size(), schemaConstants.size());
        TypeSpec.Builder type = TypeSpec.classBuilder(model.constantsClass())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated("catalog.yaml"))
                .addJavadoc("Names and settings of the catalog's topics, for producers, consumers, topic"
                        + " creation and schema registration.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        catalog.description().ifPresent(d -> type.addJavadoc("\n<p>$L\n", JavaText.comment(d.strip())));
        type.addField(
                topicList(model.topics().stream().map(t -> t.topic().name()).toList()));
        for (TopicInfo topic : model.topics()) {
            type.addType(topicConstants(topic, form, model.schemasClass(), schemaConstants));
        }
        if (!schemaConstants.isEmpty()) {
            type.addType(schemas(catalog, model, schemaConstants));
        }
        return type.build();
    }

    /**
     * A class file holds at most 65,535 constants. The constants class names each topic's nested
     * class with three of them, and {@code Schemas} holds each schema file with three: past
     * {@value #MAX_TOPICS} of either, javac would refuse the class ("too many constants").
     */
    static void checkClassFileLimits(int topics, int schemaFiles) {
        List<CodegenProblem> problems = new ArrayList<>();
        if (topics > MAX_TOPICS) {
            problems.add(new CodegenProblem(
                    Catalog.MANIFEST,
                    "",
                    "the catalog declares " + count(topics) + " topics, more than"
                            + " the " + count(MAX_TOPICS) + " one generated constants"
                            + " class can hold (Java's limit of 65,535 constants per class): split the catalog"
                            + " into several catalogs, each generating into its own package"));
        }
        if (schemaFiles > MAX_TOPICS) {
            problems.add(new CodegenProblem(
                    Catalog.MANIFEST,
                    "",
                    "the topics' values are registered with " + count(schemaFiles)
                            + " schema files, more than the " + count(MAX_TOPICS)
                            + " one generated constants class can hold (Java's limit of 65,535 constants per"
                            + " class): split the catalog into several catalogs, each generating into its own"
                            + " package"));
        }
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
    }

    /** {@code 20000} → {@code "20,000"}, as counts are quoted in messages. */
    private static String count(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    /**
     * {@code TOPICS}: {@code List.of} the names, or for more than {@value #MAX_LISTED_TOPICS} topics
     * a text of one name per line, split when the class initializes. javac compiles each value of a
     * {@code List.of} into the class initializer, whose bytecode may not exceed 64 KB: about 8,000
     * values. A topic name has no line feed (Kafka allows letters, digits, '.', '_' and '-').
     */
    static FieldSpec topicList(List<String> names) {
        FieldSpec.Builder field = FieldSpec.builder(
                        LIST_OF_STRINGS, "TOPICS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every topic of the catalog, sorted by name.\n");
        if (names.size() <= MAX_LISTED_TOPICS) {
            return field.initializer("$T.of($L)", LIST, strings(names)).build();
        }
        String lines = String.join("\n", names);
        return field.addJavadoc(
                        "One name per line of a text: more than javac takes as values of one {@code List.of}.\n")
                .initializer("$T.of(($L).split($S))", LIST, new TextExpression(JavaText.constantParts(lines)), "\n")
                .build();
    }

    static RegistrationForm registrationForm(Catalog catalog) {
        try {
            return RegistrationForm.of(catalog);
        } catch (SubjectConflictException e) {
            throw new CodegenException(e.conflicts().stream()
                    .map(c -> new CodegenProblem(
                            Catalog.MANIFEST,
                            "",
                            c + "; rename a record (its Avro name"
                                    + " or JSON title) or change the topic's subject-naming"))
                    .toList());
        }
    }

    /**
     * What the topic's value subjects need registered, as {@code registry:sync} registers them:
     * every subject's references (transitively, dependencies first), then the subject.
     */
    static List<SchemaRegistration> valueRegistrations(Topic topic, RegistrationForm form) {
        Map<String, SchemaRegistration> ordered = new LinkedHashMap<>();
        topic.subjects().stream().filter(s -> !s.key()).forEach(subject -> form.closure(subject.name())
                .forEach(r -> ordered.putIfAbsent(r.subject(), r)));
        return List.copyOf(ordered.values());
    }

    private static TypeSpec topicConstants(
            TopicInfo info, RegistrationForm form, ClassName schemas, Map<String, String> schemaConstants) {
        Topic topic = info.topic();
        TypeSpec.Builder type = TypeSpec.classBuilder(info.constants())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "$L",
                        "Topic {@code " + JavaText.comment(topic.name())
                                + topic.description()
                                        .map(d -> "}: " + JavaText.comment(d.strip()))
                                        .orElse("}.")
                                + "\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        type.addField(constant(STRING, "NAME", NAME_DOC, literal(topic.name())));
        type.addField(constant(STRING, "KEY_FIELD", KEY_FIELD_DOC, literal(topic.keyField())));
        type.addField(constant(
                OPTIONAL_INT,
                "PARTITIONS",
                PARTITIONS_DOC,
                topic.partitions().isPresent()
                        ? CodeBlock.of(
                                "$T.of($L)", OPTIONAL_INT, topic.partitions().getAsInt())
                        : CodeBlock.of("$T.empty()", OPTIONAL_INT)));
        type.addField(constant(
                OPTIONAL_LONG,
                "RETENTION_MS",
                RETENTION_MS_DOC,
                topic.retentionMs().isPresent()
                        ? CodeBlock.of(
                                "$T.of($LL)", OPTIONAL_LONG, topic.retentionMs().getAsLong())
                        : CodeBlock.of("$T.empty()", OPTIONAL_LONG)));
        type.addField(constant(STRING, "DEAD_LETTER_TOPIC", DEAD_LETTER_TOPIC_DOC, literal(topic.name() + ".dlq")));
        type.addField(constant(
                STRING,
                "SUBJECT_NAMING",
                SUBJECT_NAMING_DOC,
                literal(topic.naming().name())));
        type.addField(constant(
                LIST_OF_STRINGS,
                "SUBJECTS",
                SUBJECTS_DOC,
                CodeBlock.of(
                        "$T.of($L)",
                        LIST,
                        strings(topic.subjects().stream().map(Subject::name).toList()))));
        // The type arguments stated: inferred, javac solves every entry's together, and took more
        // than ten minutes on a topic of 1,000 events (4 s stated).
        CodeBlock.Builder types = CodeBlock.builder().add("$T.<$T, $T>ofEntries(", MAP, STRING, CLASS_OF_ANY);
        boolean first = true;
        for (Map.Entry<String, ClassName> entry : new TreeMap<>(info.recordTypes()).entrySet()) {
            types.add(first ? "\n" : ",\n")
                    .add("$>$>$T.entry($L, $T.class)$<$<", MAP, string(entry.getKey()), entry.getValue());
            first = false;
        }
        types.add(")");
        type.addField(constant(EVENT_TYPES, "EVENT_TYPES", EVENT_TYPES_DOC, types.build()));
        type.addField(constant(
                LIST_OF_REGISTRATIONS,
                "REGISTRATIONS",
                REGISTRATIONS_DOC,
                registrations(valueRegistrations(topic, form), schemas, schemaConstants)));
        return type.build();
    }

    private static CodeBlock registrations(
            List<SchemaRegistration> registrations, ClassName schemas, Map<String, String> schemaConstants) {
        CodeBlock entries = registrations.stream()
                .map(r -> CodeBlock.of(
                        "\n$>$>new $T($L, $T.$L, $T.$L, $L)$<$<",
                        SCHEMA_REGISTRATION,
                        string(r.subject()),
                        SCHEMA_TYPE,
                        r.format().registryType(),
                        schemas,
                        schemaConstants.get(r.path()),
                        references(r)))
                .collect(CodeBlock.joining(","));
        return CodeBlock.of("$T.of($L)", LIST, entries);
    }

    private static CodeBlock references(SchemaRegistration registration) {
        return CodeBlock.of(
                "$T.of($L)",
                LIST,
                registration.references().stream()
                        .map(r -> CodeBlock.of(
                                "new $T($L)", SCHEMA_REFERENCE, string(r.name()) + ", " + string(r.subject())))
                        .collect(CodeBlock.joining(", ")));
    }

    private static TypeSpec schemas(Catalog catalog, TopicModel model, Map<String, String> schemaConstants) {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.schemasClass())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schema files the topics' values are registered with, as registered (the"
                        + " catalog files' exact text): the JSON value schemas and the files they reference, which"
                        + " JSON serializers validate against, and every file of the topics' {@code"
                        + " REGISTRATIONS}.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        schemaConstants.forEach((path, name) -> {
            List<String> parts = JavaText.constantParts(
                    catalog.schemaFile(path).orElseThrow().text());
            type.addField(constant(
                    STRING,
                    name,
                    "{@code " + JavaText.comment(path) + "}."
                            + (parts.size() == 1
                                    ? ""
                                    : " Joined from " + parts.size()
                                            + " parts when the class initializes: javac refuses a"
                                            + " string constant this long."),
                    CodeBlock.of("$L", new TextExpression(parts))));
        });
        return type.build();
    }

    /**
     * Catalog path → constant name in {@code Schemas}: the JSON value schemas (named by the model),
     * then the files they reference, directly or not, that are not value schemas themselves.
     */
    static Map<String, String> jsonSchemaConstants(Catalog catalog, TopicModel model) {
        // Every JSON topic's producer asks: made once per model, not once per topic.
        return model.jsonSchemaConstantsWithReferences(() -> schemaConstants(catalog, model, List.of()));
    }

    /**
     * {@link #jsonSchemaConstants}, then every other file of the topics' value registrations (Avro
     * schemas and what they reference), sorted by path.
     */
    static Map<String, String> schemaConstants(Catalog catalog, TopicModel model, RegistrationForm form) {
        List<String> registered = model.topics().stream()
                .flatMap(t -> valueRegistrations(t.topic(), form).stream())
                .map(SchemaRegistration::path)
                .toList();
        return schemaConstants(catalog, model, registered);
    }

    private static Map<String, String> schemaConstants(Catalog catalog, TopicModel model, List<String> registered) {
        Map<String, String> constants = new LinkedHashMap<>(model.jsonSchemaConstants());
        NameAllocator names = new NameAllocator();
        constants.values().forEach(name -> JavaNames.allocate(names, name));
        TreeSet<String> referenced = new TreeSet<>();
        for (String path : model.jsonSchemaConstants().keySet()) {
            referenced.addAll(jsonReferences(catalog, path).values());
        }
        referenced.removeAll(constants.keySet());
        TreeSet<String> others = new TreeSet<>(registered);
        others.removeAll(constants.keySet());
        others.removeAll(referenced);
        for (TreeSet<String> paths : List.of(referenced, others)) {
            for (String path : paths) {
                String file = path.substring(path.lastIndexOf('/') + 1);
                int dot = file.lastIndexOf('.');
                constants.put(
                        path,
                        JavaNames.allocate(names, JavaNames.constantName(dot > 0 ? file.substring(0, dot) : file)));
            }
        }
        return constants;
    }

    /**
     * The files a JSON schema uses, directly or through other files, keyed as the runtime's {@code
     * JsonEventType} expects: a direct reference by its {@code $ref} as written, another by its
     * location relative to the schema's own directory; sorted by key.
     */
    static Map<String, String> jsonReferences(Catalog catalog, String path) {
        Map<String, String> byKey = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        SchemaFile root = catalog.schemaFile(path).orElseThrow();
        for (FileReference reference : root.references()) {
            if (seen.add(reference.path())) {
                byKey.put(reference.name(), reference.path());
            }
        }
        Deque<String> pending = new ArrayDeque<>(byKey.values());
        while (!pending.isEmpty()) {
            SchemaFile file = catalog.schemaFile(pending.pop()).orElseThrow();
            for (FileReference reference : file.references()) {
                if (seen.add(reference.path())) {
                    byKey.put(relative(directory(path), reference.path()), reference.path());
                    pending.push(reference.path());
                }
            }
        }
        return byKey;
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** {@code target} relative to directory {@code from} (both catalog paths, {@code /}-separated). */
    private static String relative(String from, String target) {
        String[] base = from.isEmpty() ? new String[0] : from.split("/");
        String[] parts = target.split("/");
        int common = 0;
        while (common < base.length && common < parts.length - 1 && base[common].equals(parts[common])) {
            common++;
        }
        StringBuilder relative = new StringBuilder();
        for (int i = common; i < base.length; i++) {
            relative.append("../");
        }
        for (int i = common; i < parts.length; i++) {
            relative.append(parts[i]).append(i < parts.length - 1 ? "/" : "");
        }
        return relative.toString();
    }

    static AnnotationSpec generated(String origin) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$L", GENERATOR_NAME)
                .addMember("comments", "$L", string("from " + origin))
                .build();
    }

    private static FieldSpec constant(TypeName type, String name, String doc, CodeBlock value) {
        return constant(type, name, doc(doc), value);
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock doc, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(doc)
                .initializer(value)
                .build();
    }

    private static CodeBlock doc(String text) {
        return CodeBlock.of("$L", text + "\n");
    }

    /** The values as {@code $S} would write them, joined by commas: one piece for JavaPoet. */
    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            out.append(out.isEmpty() ? "" : ", ").append(string(value));
        }
        return out.toString();
    }

    /** {@code text} as {@code $S} writes it, escaped once rather than in each of JavaPoet's passes. */
    private static String string(String text) {
        return JavaText.stringLiteral(text, TopicSources.INDENT);
    }

    private static CodeBlock literal(String text) {
        return CodeBlock.of("$L", string(text));
    }

    /**
     * A text (a schema file's) as a Java expression ({@link JavaText#stringExpression}), made each time
     * JavaPoet writes it ({@code $L} writes {@code String.valueOf} of its argument) rather than held:
     * the class's model is held whole while it is built and written twice, and the escaped texts of
     * 1,000 schema files are ~6 MB of it, long enough to be copied into the old generation.
     */
    private record TextExpression(List<String> parts) {
        @Override
        public String toString() {
            return JavaText.stringExpression(parts, TopicSources.INDENT);
        }
    }
}
