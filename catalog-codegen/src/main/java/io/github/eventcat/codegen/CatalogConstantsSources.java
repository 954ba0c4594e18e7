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
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaReference;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * deserializer needs; and the text of every JSON value schema and of the JSON schema files they
 * reference, which JSON serializers validate against and look up (generated JSON records do not
 * carry their schema).
 */
final class CatalogConstantsSources {
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final TypeName STRING = ClassName.get(String.class);
  private static final TypeName CLASS_OF_ANY =
      ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));

  private CatalogConstantsSources() {}

  static TypeSpec constants(Catalog catalog, TopicModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.constantsClass())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated("catalog.yaml"))
        .addJavadoc("Names and settings of the catalog's topics, for producers, consumers, topic"
            + " creation and schema registration.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    catalog.description()
        .ifPresent(d -> type.addJavadoc("\n<p>$L\n", JavaText.comment(d.strip())));
    type.addField(FieldSpec.builder(listOf(STRING), "TOPICS",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every topic of the catalog, sorted by name.\n")
        .initializer("$T.of($L)", List.class, strings(
            model.topics().stream().map(t -> t.topic().name()).toList()))
        .build());
    for (TopicInfo topic : model.topics()) {
      type.addType(topicConstants(topic));
    }
    if (!model.jsonSchemaConstants().isEmpty()) {
      type.addType(schemas(catalog, model));
    }
    return type.build();
  }

  private static TypeSpec topicConstants(TopicInfo info) {
    Topic topic = info.topic();
    TypeSpec.Builder type = TypeSpec.classBuilder(info.constants())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Topic {@code $L}$L\n", JavaText.comment(topic.name()),
            topic.description().map(d -> ": " + JavaText.comment(d.strip())).orElse("."))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addField(constant(STRING, "NAME", "The topic name.", CodeBlock.of("$S", topic.name())));
    type.addField(constant(STRING, "KEY_FIELD",
        "The field of every event that becomes the record key.",
        CodeBlock.of("$S", topic.keyField())));
    type.addField(constant(ClassName.get(OptionalInt.class), "PARTITIONS",
        "Partitions to create the topic with; empty: the broker's default.",
        topic.partitions().isPresent()
            ? CodeBlock.of("$T.of($L)", OptionalInt.class, topic.partitions().getAsInt())
            : CodeBlock.of("$T.empty()", OptionalInt.class)));
    type.addField(constant(ClassName.get(OptionalLong.class), "RETENTION_MS",
        "The topic's {@code retention.ms} (-1: forever); empty: the broker's default.",
        topic.retentionMs().isPresent()
            ? CodeBlock.of("$T.of($LL)", OptionalLong.class, topic.retentionMs().getAsLong())
            : CodeBlock.of("$T.empty()", OptionalLong.class)));
    type.addField(constant(STRING, "DEAD_LETTER_TOPIC",
        "Where the generated consumer sends records it cannot handle (the runtime's default).",
        CodeBlock.of("$S", topic.name() + ".dlq")));
    type.addField(constant(STRING, "SUBJECT_NAMING",
        "The subject naming strategy of the topic's schemas.",
        CodeBlock.of("$S", topic.naming().name())));
    type.addField(constant(listOf(STRING), "SUBJECTS",
        "The Schema Registry subjects of the topic, sorted.",
        CodeBlock.of("$T.of($L)", List.class,
            strings(topic.subjects().stream().map(Subject::name).toList()))));
    CodeBlock.Builder types = CodeBlock.builder().add("$T.ofEntries(", Map.class);
    boolean first = true;
    for (Map.Entry<String, ClassName> entry : new TreeMap<>(info.recordTypes()).entrySet()) {
      types.add(first ? "\n" : ",\n").add("$>$>$T.entry($S, $T.class)$<$<", Map.class,
          entry.getKey(), entry.getValue());
      first = false;
    }
    types.add(")");
    type.addField(constant(
        ParameterizedTypeName.get(ClassName.get(Map.class), STRING, CLASS_OF_ANY), "EVENT_TYPES",
        "Record name (Avro full name, JSON Schema title) → Java type: what the deserializer reads"
            + " each writer schema into.",
        types.build()));
    return type.build();
  }

  private static TypeSpec schemas(Catalog catalog, TopicModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.schemasClass())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The JSON value schemas, and the files they reference, as registered (the catalog"
            + " files' exact text).\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    jsonSchemaConstants(catalog, model).forEach((path, name) -> type.addField(constant(STRING, name,
        "{@code " + JavaText.comment(path) + "}.",
        CodeBlock.of("$S", catalog.schemaFile(path).orElseThrow().text()))));
    return type.build();
  }

  /**
   * Catalog path → constant name in {@code Schemas}: the JSON value schemas (named by the model),
   * then the files they reference, directly or not, that are not value schemas themselves.
   */
  static Map<String, String> jsonSchemaConstants(Catalog catalog, TopicModel model) {
    Map<String, String> constants = new LinkedHashMap<>(model.jsonSchemaConstants());
    NameAllocator names = new NameAllocator();
    constants.values().forEach(names::newName);
    TreeSet<String> referenced = new TreeSet<>();
    for (String path : model.jsonSchemaConstants().keySet()) {
      referenced.addAll(jsonReferences(catalog, path).values());
    }
    referenced.removeAll(constants.keySet());
    for (String path : referenced) {
      String file = path.substring(path.lastIndexOf('/') + 1);
      int dot = file.lastIndexOf('.');
      constants.put(path, names.newName(JavaNames.constantName(dot > 0 ? file.substring(0, dot) : file)));
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
    for (SchemaReference reference : root.references()) {
      if (seen.add(reference.path())) {
        byKey.put(reference.name(), reference.path());
      }
    }
    Deque<String> pending = new ArrayDeque<>(byKey.values());
    while (!pending.isEmpty()) {
      SchemaFile file = catalog.schemaFile(pending.pop()).orElseThrow();
      for (SchemaReference reference : file.references()) {
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
        .addMember("value", "$S", CodeGenerator.GENERATOR_NAME)
        .addMember("comments", "$S", "from " + origin)
        .build();
  }

  private static FieldSpec constant(TypeName type, String name, String doc, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer(value)
        .build();
  }

  private static TypeName listOf(TypeName element) {
    return ParameterizedTypeName.get(ClassName.get(List.class), element);
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }
}
