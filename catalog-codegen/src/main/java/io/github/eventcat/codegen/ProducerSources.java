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
import io.github.eventcat.catalog.SchemaFormat;
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
    /** The step's id, a constant: the generator knows it without loading the step. */
    static final String ID = "topic-producers/1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        TopicSources.perTopic(
                input,
                sink,
                (topic, model) -> file(topic.producer(), producer(topic, model, input.catalog()), topic.origin()));
    }

    private static final TypeName AVRO_PRODUCER =
            ParameterizedTypeName.get(EVENT_PRODUCER, TopicSources.SPECIFIC_RECORD);
    private static final TypeName JSON_PRODUCER = ParameterizedTypeName.get(EVENT_PRODUCER, OBJECT);

    // The methods every producer has alike: built once, immutable.
    private static final MethodSpec OWN_REGISTRY = MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A producer with its own registry client, both configured by {@code config}.\n")
            .addParameter(CONFIG, "config")
            .addStatement("this(config, $T.fromConfig(config))", REGISTRY_CLIENT)
            .build();
    private static final MethodSpec IS_TRANSACTIONAL = MethodSpec.methodBuilder("isTransactional")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addStatement("return producer.isTransactional()")
            .build();
    private static final MethodSpec FLUSH = MethodSpec.methodBuilder("flush")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Waits until every event sent so far is acknowledged (or failed).\n")
            .addStatement("producer.flush()")
            .build();
    private static final MethodSpec CLOSE = MethodSpec.methodBuilder("close")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("producer.close()")
            .build();

    private static TypeSpec producer(TopicInfo topic, TopicModel model, Catalog catalog) {
        TypeName value = valueType(topic);
        TypeName eventProducer = topic.format() == SchemaFormat.AVRO ? AVRO_PRODUCER : JSON_PRODUCER;
        String keyField = JavaText.comment(topic.topic().keyField());
        String sendDoc = "Sends {@code event} keyed by its {@code " + keyField
                + "}; the future completes when the broker has it (or fails).\n";
        String sendWithHeadersDoc =
                "Sends {@code event} keyed by its {@code " + keyField + "}, with headers (UTF-8 text).\n";
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.producer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                // One piece per Javadoc, catalog text made inert once: JavaPoet splits every piece.
                .addJavadoc(
                        "$L",
                        "Sends the events of topic {@code " + topicName(topic) + "}, keyed by their {@code "
                                + keyField + "} field (as UTF-8 text: " + keyText(topic)
                                + "), each serialized in the Confluent wire format under its registered schema.\n\n"
                                + "<p>Configured like a Kafka producer ({@code bootstrap.servers}, SASL/SSL,"
                                + " {@code transactional.id}...) plus {@code schema.registry.url}; idempotent with"
                                + " {@code acks=all} unless configured otherwise. The schemas must be registered"
                                + " first ({@code mvn registry:sync}), unless {@code auto.register.schemas=true}."
                                + " Thread-safe.\n")
                .addField(FieldSpec.builder(eventProducer, "producer", Modifier.PRIVATE, Modifier.FINAL)
                        .build());
        type.addMethod(OWN_REGISTRY);
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
                    .addJavadoc("$L", sendDoc)
                    .returns(SEND_RESULT)
                    .addParameter(event.type(), "event")
                    .addStatement("return producer.send(event)")
                    .build());
            type.addMethod(MethodSpec.methodBuilder("send")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("$L", sendWithHeadersDoc)
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
                .addStatement("$T.requireNonNull(body, \"body == null\")", Objects.class)
                .addStatement("producer.inTransaction(p -> body.accept(this))")
                .build());
        type.addMethod(IS_TRANSACTIONAL).addMethod(FLUSH).addMethod(CLOSE);
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
                "throw new $T($L + event.getClass().getName())",
                IllegalArgumentException.class,
                JavaText.stringLiteral("not an event of topic " + topic.topic().name() + ": ", TopicSources.INDENT));
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
