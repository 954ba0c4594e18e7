package io.github.eventcat.codegen;

import static io.github.eventcat.codegen.TopicSources.AVRO_DESERIALIZER;
import static io.github.eventcat.codegen.TopicSources.CONFIG;
import static io.github.eventcat.codegen.TopicSources.EVENT_CONSUMER;
import static io.github.eventcat.codegen.TopicSources.EVENT_DISPATCHER;
import static io.github.eventcat.codegen.TopicSources.EVENT_HANDLER;
import static io.github.eventcat.codegen.TopicSources.JSON_DESERIALIZER;
import static io.github.eventcat.codegen.TopicSources.JSON_MAPPERS;
import static io.github.eventcat.codegen.TopicSources.OBJECT;
import static io.github.eventcat.codegen.TopicSources.PROCESSED_EVENT_STORE;
import static io.github.eventcat.codegen.TopicSources.REGISTRY_CLIENT;
import static io.github.eventcat.codegen.TopicSources.file;
import static io.github.eventcat.codegen.TopicSources.topicName;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.codegen.TopicModel.TopicEvent;
import io.github.eventcat.codegen.TopicModel.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Per topic a {@code <Topic>Consumer}: dispatch by event type to the handler, retries, dead-letter
 * topic, commits after success, and (when the catalog names an event id) skipping handled events.
 */
final class ConsumerSources implements SourceContributor {
    /** The step's id, a constant: the generator knows it without loading the step. */
    static final String ID = "topic-consumers/1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void contribute(CodegenInput input, SourceSink sink) {
        TopicSources.perTopic(input, sink, (topic, model) -> file(topic.consumer(), consumer(topic), topic.origin()));
    }

    private static final TypeName OBJECT_CONSUMER = ParameterizedTypeName.get(EVENT_CONSUMER, OBJECT);
    private static final TypeName OBJECT_HANDLER = ParameterizedTypeName.get(EVENT_HANDLER, OBJECT);

    // The methods every consumer has alike: built once, immutable.
    private static final MethodSpec RUN = MethodSpec.methodBuilder("run")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Runs the poll loop on the calling thread until {@link #wakeup()} or {@link"
                    + " #close()} is called from another thread.\n")
            .addStatement("consumer.run()")
            .build();
    private static final MethodSpec WAKEUP = MethodSpec.methodBuilder("wakeup")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Asks the poll loop to stop; returns at once.\n")
            .addStatement("consumer.wakeup()")
            .build();
    private static final MethodSpec FAILURE = MethodSpec.methodBuilder("failure")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Why the loop stopped on its own, if it did.\n")
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Throwable.class)))
            .addStatement("return consumer.failure()")
            .build();
    private static final MethodSpec HEALTH = MethodSpec.methodBuilder("health")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Whether the loop runs, is paused (the registry unreachable, a dead-letter write"
                    + " failing: with the reason), has failed (with the cause) or has stopped, with the"
                    + " assigned partitions and their lag; for liveness and readiness probes.\n")
            .returns(ClassName.get("io.github.eventcat.runtime.kafka", "ConsumerHealth"))
            .addStatement("return consumer.health()")
            .build();
    private static final MethodSpec CLOSE = MethodSpec.methodBuilder("close")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Stops the loop, commits what was handled and closes the clients.\n")
            .addStatement("consumer.close()")
            .build();

    private static TypeSpec consumer(TopicInfo topic) {
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.consumer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                // Few pieces (JavaPoet splits every one), catalog text made inert once.
                .addJavadoc(
                        "$L{@link $T}.\n\n"
                                + "<p>Configured like a Kafka consumer ({@code bootstrap.servers}, {@code group.id},"
                                + " SASL/SSL, {@code isolation.level}...) plus {@code schema.registry.url} and the"
                                + " runtime's {@code eventcat.consumer.*} keys (retries, backoff, lanes). A handler"
                                + " that keeps failing, or a record that cannot be read, sends the original record"
                                + " to {@code $L} with the error in its headers; offsets are committed only after"
                                + " the handler (or the dead-letter write) succeeded.\n",
                        "Consumes topic {@code " + topicName(topic)
                                + "} and hands each event to the matching method of a ",
                        topic.handler(),
                        JavaText.comment(topic.topic().name() + ".dlq"))
                .addField(FieldSpec.builder(OBJECT_CONSUMER, "consumer", Modifier.PRIVATE, Modifier.FINAL)
                        .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A consumer with its own registry client, both configured by {@code config}"
                        + " (which must set {@code group.id}).\n")
                .addParameter(CONFIG, "config")
                .addParameter(topic.handler(), "handler")
                .addStatement("this(config, handler, $T.fromConfig(config))", REGISTRY_CLIENT)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A consumer reading writer schemas with {@code registry} (which may be" + " shared).\n")
                .addParameter(CONFIG, "config")
                .addParameter(topic.handler(), "handler")
                .addParameter(REGISTRY_CLIENT, "registry")
                .addStatement("this(config, registry, dispatcher(handler))")
                .build());
        TypeName dispatcherType = OBJECT_HANDLER;
        if (topic.deduplicates()) {
            String idFields = idFields(topic);
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "$L",
                            "A consumer with its own registry client that skips events whose id"
                                    + " {@code processed} has already seen" + idFields + ".\n")
                    .addParameter(CONFIG, "config")
                    .addParameter(topic.handler(), "handler")
                    .addParameter(PROCESSED_EVENT_STORE, "processed")
                    .addStatement("this(config, handler, $T.fromConfig(config), processed)", REGISTRY_CLIENT)
                    .build());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "$L",
                            "A consumer reading writer schemas with {@code registry} that skips events"
                                    + " whose id {@code processed} has already seen" + idFields + ".\n")
                    .addParameter(CONFIG, "config")
                    .addParameter(topic.handler(), "handler")
                    .addParameter(REGISTRY_CLIENT, "registry")
                    .addParameter(PROCESSED_EVENT_STORE, "processed")
                    .addStatement("this(config, registry, dispatcher(handler, processed))")
                    .build());
        }
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(CONFIG, "config")
                .addParameter(REGISTRY_CLIENT, "registry")
                .addParameter(dispatcherType, "dispatcher")
                .addStatement(
                        "this.consumer = $T.<$T>builder(config)$>$>\n.topics($T.NAME)\n"
                                + ".valueDeserializer($L)\n.handler(dispatcher)\n.build()$<$<",
                        EVENT_CONSUMER,
                        OBJECT,
                        topic.constants(),
                        deserializer(topic))
                .build());
        type.addMethod(dispatcher(topic, dispatcherType, false));
        if (topic.deduplicates()) {
            type.addMethod(dispatcher(topic, dispatcherType, true));
        }
        type.addMethod(MethodSpec.methodBuilder("start")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Runs the poll loop on a new thread and returns at once; {@link #close()}" + " stops it.\n")
                .returns(topic.consumer())
                .addStatement("consumer.start()")
                .addStatement("return this")
                .build());
        type.addMethod(RUN)
                .addMethod(WAKEUP)
                .addMethod(FAILURE)
                .addMethod(HEALTH)
                .addMethod(CLOSE);
        return type.build();
    }

    /** ", skipping handled ids (field x of Y, ...)" for the consumer's documentation. */
    private static String idFields(TopicInfo topic) {
        List<String> fields = new ArrayList<>();
        for (TopicEvent event : topic.events()) {
            event.event()
                    .eventIdField()
                    .ifPresent(field -> fields.add("{@code "
                            + JavaText.comment(field) + "} of {@link "
                            + event.type().simpleName()
                            + "}"));
        }
        boolean all = fields.size() == topic.events().size();
        return " (by " + String.join(", ", fields) + (all ? "" : "; other events are not deduplicated") + ")";
    }

    /** The most events the dispatcher is built for in one chain of calls. */
    static final int MAX_CHAINED_EVENTS = 100;

    /** Hands each event type to its handler method, optionally through a processed-event store. */
    private static MethodSpec dispatcher(TopicInfo topic, TypeName dispatcherType, boolean deduplicated) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("dispatcher")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(dispatcherType)
                .addParameter(topic.handler(), "handler");
        method.addStatement("$T.requireNonNull(handler, \"handler == null\")", Objects.class);
        if (deduplicated) {
            method.addParameter(PROCESSED_EVENT_STORE, "processed")
                    .addStatement("$T.requireNonNull(processed, \"processed == null\")", Objects.class);
        }
        if (topic.events().size() > MAX_CHAINED_EVENTS) {
            // One statement per event: javac attributes a chain of calls recursively, and its stack
            // overflowed on a chain of 1,000.
            method.addStatement(
                    "$T dispatcher = $T.builder()",
                    ParameterizedTypeName.get(EVENT_DISPATCHER.nestedClass("Builder"), OBJECT),
                    EVENT_DISPATCHER);
            for (TopicEvent event : topic.events()) {
                method.addStatement("dispatcher$L", on(event, deduplicated));
            }
            return method.addStatement("return dispatcher.build()").build();
        }
        CodeBlock.Builder dispatch = CodeBlock.builder().add("return $T.<$T>builder()", EVENT_DISPATCHER, OBJECT);
        for (TopicEvent event : topic.events()) {
            dispatch.add("\n$>$>$L$<$<", on(event, deduplicated));
        }
        dispatch.add("\n$>$>.build();\n$<$<");
        return method.addCode(dispatch.build()).build();
    }

    /** {@code .on(Type.class, handler::onType)}, through the processed-event store when deduplicated. */
    private static CodeBlock on(TopicEvent event, boolean deduplicated) {
        if (deduplicated && event.eventIdAccessor().isPresent()) {
            return CodeBlock.of(
                    ".on($T.class, processed.once($T::$L, handler::$L))",
                    event.type(),
                    event.type(),
                    event.eventIdAccessor().get(),
                    event.handlerMethod());
        }
        return CodeBlock.of(".on($T.class, handler::$L)", event.type(), event.handlerMethod());
    }

    private static CodeBlock deserializer(TopicInfo topic) {
        if (topic.format() == SchemaFormat.AVRO) {
            return CodeBlock.of("new $T<>(registry, $T.EVENT_TYPES)", AVRO_DESERIALIZER, topic.constants());
        }
        CodeBlock fallback =
                topic.singleValueType().map(t -> CodeBlock.of("$T.class", t)).orElse(CodeBlock.of("null"));
        return CodeBlock.of(
                "new $T<>(registry, $T.EVENT_TYPES, $L, $T.standard())",
                JSON_DESERIALIZER,
                topic.constants(),
                fallback,
                JSON_MAPPERS);
    }
}
