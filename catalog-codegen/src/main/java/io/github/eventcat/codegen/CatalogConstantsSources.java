package io.github.eventcat.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The catalog's constants class ({@code EventCatalog}): per topic its name, key field,
 * partitions, retention, dead-letter topic, subjects and the record name → Java type map its
 * deserializer needs; and the text of every JSON value schema, which JSON serializers validate
 * against and look up (generated JSON records do not carry their schema).
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
    catalog.description().ifPresent(d -> type.addJavadoc("\n<p>$L\n", escape(d.strip())));
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
        .addJavadoc("Topic {@code $L}$L\n", escape(topic.name()),
            topic.description().map(d -> ": " + escape(d.strip())).orElse("."))
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
        .addJavadoc("The JSON value schemas as registered (the catalog files' exact text).\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    model.jsonSchemaConstants().forEach((path, name) -> type.addField(constant(STRING, name,
        "{@code " + escape(path) + "}.",
        CodeBlock.of("$S", catalog.schemaFile(path).orElseThrow().text()))));
    return type.build();
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

  /** Text safe inside javadoc: no comment end, no stray HTML. */
  static String escape(String text) {
    return text.replace("*/", "*&#47;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
