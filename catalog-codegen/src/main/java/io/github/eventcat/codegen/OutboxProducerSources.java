package io.github.eventcat.codegen;

import static io.github.eventcat.codegen.TopicSources.CONFIG;
import static io.github.eventcat.codegen.TopicSources.CONNECTION;
import static io.github.eventcat.codegen.TopicSources.HEADERS;
import static io.github.eventcat.codegen.TopicSources.OUTBOX_WRITER;
import static io.github.eventcat.codegen.TopicSources.REGISTRY_CLIENT;
import static io.github.eventcat.codegen.TopicSources.file;
import static io.github.eventcat.codegen.TopicSources.serdeConfig;
import static io.github.eventcat.codegen.TopicSources.serializer;
import static io.github.eventcat.codegen.TopicSources.topicName;
import static io.github.eventcat.codegen.TopicSources.valueType;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.codegen.TopicModel.TopicEvent;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.lang.model.element.Modifier;

/**
 * With {@code outbox}, per topic a {@code <Topic>OutboxProducer}: adds events to the transactional
 * outbox in the caller's JDBC transaction, for the relay to send.
 */
final class OutboxProducerSources implements SourceContributor {
    /** The step's id, a constant: the generator knows it without loading the step. */
    static final String ID = "topic-outbox-producers/1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        if (!input.configuration().outbox()) {
            return;
        }
        TopicSources.perTopic(
                input,
                sink,
                (topic, model) ->
                        file(topic.outboxProducer(), outboxProducer(topic, model, input.catalog()), topic.origin()));
    }

    private static TypeSpec outboxProducer(TopicInfo topic, TopicModel model, Catalog catalog) {
        TypeName value = valueType(topic);
        String keyField = JavaText.comment(topic.topic().keyField());
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.outboxProducer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                // Few pieces (JavaPoet splits every one), catalog text made inert once.
                .addJavadoc(
                        "$L{@link $T} sends"
                                + " them; the outbox relay publishes them once the transaction committed.\n\n"
                                + "<p>Configured with {@code schema.registry.url} (and the registry's client"
                                + " settings); the schemas must be registered first ({@code mvn registry:sync})."
                                + " Needs {@code io.github.eventcat:event-outbox}. Thread-safe.\n",
                        "Writes the events of topic {@code " + topicName(topic)
                                + "} into the transactional outbox (table {@code eventcat_outbox}) in the caller's"
                                + " database transaction, keyed by their {@code " + keyField
                                + "} field, serialized in the Confluent wire format as ",
                        topic.producer())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(OUTBOX_WRITER, value),
                                "outbox",
                                Modifier.PRIVATE,
                                Modifier.FINAL)
                        .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("An outbox producer with its own registry client, configured by" + " {@code config}.\n")
                .addParameter(CONFIG, "config")
                .addStatement("this(config, $T.fromConfig(config))", REGISTRY_CLIENT)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("An outbox producer looking schemas up with {@code registry} (which may be" + " shared).\n")
                .addParameter(CONFIG, "config")
                .addParameter(REGISTRY_CLIENT, "registry")
                .addCode(serdeConfig(topic))
                .addStatement("this.outbox = new $T<>($L)", OUTBOX_WRITER, serializer(topic, model, catalog))
                .build());
        String addDoc = "Inserts {@code event}, keyed by its {@code " + keyField + "}, through {@code transaction}"
                + " (auto-commit off; never committed here): it is published if and only if the transaction"
                + " commits. Returns the event id the outbox stamps on the record (header {@code"
                + " eventcat.event.id}).\n";
        String addWithHeadersDoc = "Inserts {@code event}, keyed by its {@code " + keyField
                + "}, with headers (UTF-8 text), through {@code transaction}.\n";
        for (TopicEvent event : topic.events()) {
            type.addMethod(MethodSpec.methodBuilder("add")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("$L", addDoc)
                    .returns(UUID.class)
                    .addParameter(CONNECTION, "transaction")
                    .addParameter(event.type(), "event")
                    .addStatement("return add(transaction, event, $T.of())", Map.class)
                    .build());
            type.addMethod(MethodSpec.methodBuilder("add")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("$L", addWithHeadersDoc)
                    .returns(UUID.class)
                    .addParameter(CONNECTION, "transaction")
                    .addParameter(event.type(), "event")
                    .addParameter(HEADERS, "headers")
                    .addStatement("$T.requireNonNull(event, \"event == null\")", Objects.class)
                    .addStatement(
                            "return outbox.add(transaction, $T.NAME, event.$L(), event, headers)",
                            topic.constants(),
                            event.keyAccessor())
                    .build());
        }
        return type.build();
    }
}
