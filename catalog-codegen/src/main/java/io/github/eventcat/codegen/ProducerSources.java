package io.github.eventcat.codegen;

import static io.github.eventcat.codegen.TopicSources.CONFIG;
import static io.github.eventcat.codegen.TopicSources.EVENT_PRODUCER;
import static io.github.eventcat.codegen.TopicSources.HEADERS;
import static io.github.eventcat.codegen.TopicSources.OBJECT;
import static io.github.eventcat.codegen.TopicSources.REGISTRY_CLIENT;
import static io.github.eventcat.codegen.TopicSources.SEND_RESULT;
import static io.github.eventcat.codegen.TopicSources.file;
import static io.github.eventcat.codegen.TopicSources.serdeConfig;
import static io.github.eventcat.codegen.TopicSources.serializer;
import static io.github.eventcat.codegen.TopicSources.topicName;
import static io.github.eventcat.codegen.TopicSources.valueType;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.codegen.TopicModel.TopicEvent;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Per topic a {@code <Topic>Producer}: one {@code send} per event type, the key from the topic's key
 * field, a thin layer over the event runtime's {@code EventProducer}.
 */
final class ProducerSources implements SourceContributor {
    @Override
    public String id() {
        return "topic-producers/1";
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        TopicSources.perTopic(
                input,
                sink,
                (topic, model) -> file(topic.producer(), producer(topic, model, input.catalog()), topic.origin()));
    }

    private static TypeSpec producer(TopicInfo topic, TopicModel model, Catalog catalog) {
        TypeName value = valueType(topic);
        TypeName eventProducer = ParameterizedTypeName.get(EVENT_PRODUCER, value);
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.producer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                .addJavadoc(
                        "Sends the events of topic {@code $L}, keyed by their {@code $L} field (as"
                                + " UTF-8 text: $L), each serialized in the Confluent wire format under its"
                                + " registered schema.\n\n"
                                + "<p>Configured like a Kafka producer ({@code bootstrap.servers}, SASL/SSL,"
                                + " {@code transactional.id}...) plus {@code schema.registry.url}; idempotent with"
                                + " {@code acks=all} unless configured otherwise. The schemas must be registered"
                                + " first ({@code mvn registry:sync}), unless {@code auto.register.schemas=true}."
                                + " Thread-safe.\n",
                        topicName(topic),
                        JavaText.comment(topic.topic().keyField()),
                        keyText(topic))
                .addField(FieldSpec.builder(eventProducer, "producer", Modifier.PRIVATE, Modifier.FINAL)
                        .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A producer with its own registry client, both configured by {@code config}.\n")
                .addParameter(CONFIG, "config")
                .addStatement("this(config, $T.fromConfig(config))", REGISTRY_CLIENT)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A producer looking schemas up with {@code registry} (which may be shared).\n")
                .addParameter(CONFIG, "config")
                .addParameter(REGISTRY_CLIENT, "registry")
                .addCode(serdeConfig(topic))
                .addStatement(
                        "this.producer = $T.<$T>builder(config)$>$>\n.topic($T.NAME)\n"
                                + ".key($T::keyOf)\n.valueSerializer($L)\n.build()$<$<",
                        EVENT_PRODUCER,
                        value,
                        topic.constants(),
                        topic.producer(),
                        serializer(topic, model, catalog))
                .build());
        for (TopicEvent event : topic.events()) {
            type.addMethod(MethodSpec.methodBuilder("send")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "Sends {@code event} keyed by its {@code $L}; the future completes when the"
                                    + " broker has it (or fails).\n",
                            JavaText.comment(topic.topic().keyField()))
                    .returns(SEND_RESULT)
                    .addParameter(event.type(), "event")
                    .addStatement("return producer.send(event)")
                    .build());
            type.addMethod(MethodSpec.methodBuilder("send")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "Sends {@code event} keyed by its {@code $L}, with headers (UTF-8 text).\n",
                            JavaText.comment(topic.topic().keyField()))
                    .returns(SEND_RESULT)
                    .addParameter(event.type(), "event")
                    .addParameter(HEADERS, "headers")
                    .addStatement("return producer.send(event, headers)")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("inTransaction")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Runs {@code body} in a transaction (needs a {@code transactional.id}):"
                        + " everything it sends becomes visible together, or, when it throws, not at all to"
                        + " {@code read_committed} consumers.\n")
                .addParameter(
                        ParameterizedTypeName.get(
                                ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(topic.producer())),
                        "body")
                .addStatement("$T.requireNonNull(body, $S)", Objects.class, "body == null")
                .addStatement("producer.inTransaction(p -> body.accept(this))")
                .build());
        type.addMethod(MethodSpec.methodBuilder("isTransactional")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addStatement("return producer.isTransactional()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("flush")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Waits until every event sent so far is acknowledged (or failed).\n")
                .addStatement("producer.flush()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("producer.close()")
                .build());
        MethodSpec.Builder keyOf = MethodSpec.methodBuilder("keyOf")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(OBJECT)
                .addParameter(value, "event");
        for (TopicEvent event : topic.events()) {
            keyOf.beginControlFlow("if (event instanceof $T e)", event.type())
                    .addStatement("return e.$L()", event.keyAccessor())
                    .endControlFlow();
        }
        keyOf.addStatement(
                "throw new $T($S + event.getClass().getName())",
                IllegalArgumentException.class,
                "not an event of topic " + topic.topic().name() + ": ");
        type.addMethod(keyOf.build());
        return type.build();
    }

    /**
     * What the key text is, as the runtime's {@code EventKeys} writes it: one form, or each form
     * with the events whose key field has it.
     */
    private static String keyText(TopicInfo topic) {
        Map<TopicModel.KeyForm, List<String>> events = new java.util.EnumMap<>(TopicModel.KeyForm.class);
        topic.events().forEach(e -> events.computeIfAbsent(e.keyForm(), f -> new ArrayList<>())
                .add("{@link " + e.type().simpleName() + "}"));
        if (events.size() == 1) {
            return events.keySet().iterator().next().description;
        }
        List<String> forms = new ArrayList<>();
        events.forEach((form, types) -> forms.add(form.description + " for " + String.join(", ", types)));
        return String.join("; ", forms);
    }
}
