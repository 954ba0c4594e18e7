package io.github.eventcat.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Per topic a {@code <Topic>Producer} (one {@code send} per event type, key from the topic's key
 * field), a {@code <Topic>Handler} (one method per event type) and a {@code <Topic>Consumer}
 * (dispatch by type, retries, dead-letter topic, commits after success), all thin layers over the
 * event runtime's {@code EventProducer}/{@code EventConsumer}; plus the catalog's constants class
 * ({@link CatalogConstantsSources}).
 */
final class TopicClientSources implements SourceContributor {
    private static final String KAFKA = "io.github.eventcat.runtime.kafka";
    private static final String SERDE = "io.github.eventcat.runtime.serde";
    private static final ClassName EVENT_PRODUCER = ClassName.get(KAFKA, "EventProducer");
    private static final ClassName EVENT_CONSUMER = ClassName.get(KAFKA, "EventConsumer");
    private static final ClassName EVENT_DISPATCHER = ClassName.get(KAFKA, "EventDispatcher");
    private static final ClassName EVENT_CONTEXT = ClassName.get(KAFKA, "EventContext");
    private static final ClassName EVENT_HANDLER = ClassName.get(KAFKA, "EventHandler");
    private static final ClassName PROCESSED_EVENT_STORE = ClassName.get(KAFKA, "ProcessedEventStore");
    private static final ClassName OUTBOX_WRITER = ClassName.get("io.github.eventcat.outbox", "OutboxWriter");
    private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
    private static final ClassName REGISTRY_CLIENT =
            ClassName.get("io.github.eventcat.runtime.registry", "SchemaRegistryClient");
    private static final ClassName AVRO_SERIALIZER = ClassName.get(SERDE, "AvroSerializer");
    private static final ClassName AVRO_DESERIALIZER = ClassName.get(SERDE, "AvroDeserializer");
    private static final ClassName JSON_SERIALIZER = ClassName.get(SERDE, "JsonSchemaSerializer");
    private static final ClassName JSON_DESERIALIZER = ClassName.get(SERDE, "JsonSchemaDeserializer");
    private static final ClassName JSON_EVENT_TYPE = ClassName.get(SERDE, "JsonEventType");
    private static final ClassName JSON_MAPPERS = ClassName.get(SERDE, "JsonMappers");
    private static final ClassName SERDE_CONFIG = ClassName.get(SERDE, "SerdeConfig");
    private static final ClassName SUBJECT_NAME_STRATEGY =
            ClassName.get("io.github.eventcat.vocabulary", "SubjectNamingStrategy");
    private static final ClassName SPECIFIC_RECORD = ClassName.get("org.apache.avro.specific", "SpecificRecord");
    private static final ClassName RECORD_METADATA =
            ClassName.get("org.apache.kafka.clients.producer", "RecordMetadata");
    private static final TypeName OBJECT = ClassName.OBJECT;
    private static final TypeName STRING = ClassName.get(String.class);
    private static final TypeName CONFIG =
            ParameterizedTypeName.get(ClassName.get(Map.class), STRING, WildcardTypeName.subtypeOf(Object.class));
    private static final TypeName HEADERS = ParameterizedTypeName.get(ClassName.get(Map.class), STRING, STRING);
    private static final TypeName SEND_RESULT =
            ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), RECORD_METADATA);

    @Override
    public String id() {
        return "topic-clients/8";
    }

    @Override
    public List<GeneratedFile> contribute(Catalog catalog, CodegenConfiguration configuration) {
        TopicModel model = new TopicModel(catalog, configuration);
        if (!model.usable()) {
            return List.of();
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(file(model.constantsClass(), CatalogConstantsSources.constants(catalog, model), "catalog.yaml"));
        for (List<GeneratedFile> topicFiles : Concurrent.map(model.topics(), topic -> {
            List<GeneratedFile> forTopic = new ArrayList<>();
            forTopic.add(file(topic.producer(), producer(topic, model, catalog), topic.origin()));
            forTopic.add(file(topic.handler(), handler(topic), topic.origin()));
            forTopic.add(file(topic.consumer(), consumer(topic), topic.origin()));
            if (configuration.outbox()) {
                forTopic.add(file(topic.outboxProducer(), outboxProducer(topic, model, catalog), topic.origin()));
            }
            return forTopic;
        })) {
            files.addAll(topicFiles);
        }
        return files;
    }

    private static GeneratedFile file(ClassName name, TypeSpec type, String origin) {
        JavaFile file = JavaFile.builder(name.packageName(), type)
                .addFileComment(
                        "Generated by Eventcat from $L. Do not edit: change the catalog and" + " generate again.",
                        JavaText.comment(origin))
                .skipJavaLangImports(true)
                .build();
        return new GeneratedFile(
                name.packageName().replace('.', '/') + "/" + name.simpleName() + ".java", file.toString(), origin);
    }

    private static TypeName valueType(TopicInfo topic) {
        return topic.format() == SchemaFormat.AVRO ? SPECIFIC_RECORD : OBJECT;
    }

    private static String topicName(TopicInfo topic) {
        return JavaText.comment(topic.topic().name());
    }

    // ---------------------------------------------------------------- producer

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

    /**
     * Declares {@code serde}: the serializer's configuration, with the catalog's subject naming and
     * registration form.
     */
    private static CodeBlock serdeConfig(TopicInfo topic) {
        return CodeBlock.builder()
                .addStatement(
                        "$T<$T, $T> serde = new $T<>(config)", Map.class, String.class, Object.class, HashMap.class)
                .add("// Subjects are named as the catalog registers them, whatever the configuration says.\n")
                .addStatement("serde.put($T.VALUE_CONFIG, $T.SUBJECT_NAMING)", SUBJECT_NAME_STRATEGY, topic.constants())
                .add("// Registered or looked up in the catalog's form: file texts, references first.\n")
                .addStatement("serde.put($T.REGISTRATIONS, $T.REGISTRATIONS)", SERDE_CONFIG, topic.constants())
                .build();
    }

    // ---------------------------------------------------------------- outbox producer

    private static TypeSpec outboxProducer(TopicInfo topic, TopicModel model, Catalog catalog) {
        TypeName value = valueType(topic);
        String keyField = JavaText.comment(topic.topic().keyField());
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.outboxProducer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                .addJavadoc(
                        "Writes the events of topic {@code $L} into the transactional outbox (table"
                                + " {@code eventcat_outbox}) in the caller's database transaction, keyed by their"
                                + " {@code $L} field, serialized in the Confluent wire format as {@link $T} sends"
                                + " them; the outbox relay publishes them once the transaction committed.\n\n"
                                + "<p>Configured with {@code schema.registry.url} (and the registry's client"
                                + " settings); the schemas must be registered first ({@code mvn registry:sync})."
                                + " Needs {@code io.github.eventcat:event-outbox}. Thread-safe.\n",
                        topicName(topic),
                        keyField,
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
        for (TopicEvent event : topic.events()) {
            type.addMethod(MethodSpec.methodBuilder("add")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "Inserts {@code event}, keyed by its {@code $L}, through {@code transaction}"
                                    + " (auto-commit off; never committed here): it is published if and only if"
                                    + " the transaction commits. Returns the event id the outbox stamps on the"
                                    + " record (header {@code eventcat.event.id}).\n",
                            keyField)
                    .returns(UUID.class)
                    .addParameter(CONNECTION, "transaction")
                    .addParameter(event.type(), "event")
                    .addStatement("return add(transaction, event, $T.of())", Map.class)
                    .build());
            type.addMethod(MethodSpec.methodBuilder("add")
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "Inserts {@code event}, keyed by its {@code $L}, with headers (UTF-8 text),"
                                    + " through {@code transaction}.\n",
                            keyField)
                    .returns(UUID.class)
                    .addParameter(CONNECTION, "transaction")
                    .addParameter(event.type(), "event")
                    .addParameter(HEADERS, "headers")
                    .addStatement("$T.requireNonNull(event, $S)", Objects.class, "event == null")
                    .addStatement(
                            "return outbox.add(transaction, $T.NAME, event.$L(), event, headers)",
                            topic.constants(),
                            event.keyAccessor())
                    .build());
        }
        return type.build();
    }

    /**
     * The schema files a JSON value schema uses, for validation and for the registry references the
     * serializer looks it up with; empty when it uses none.
     */
    private static CodeBlock references(Catalog catalog, TopicModel model, Map<String, String> constants, String path) {
        Map<String, String> references = CatalogConstantsSources.jsonReferences(catalog, path);
        if (references.isEmpty()) {
            return CodeBlock.of("");
        }
        CodeBlock entries = references.entrySet().stream()
                .map(r -> CodeBlock.of(
                        "\n$>$>$T.entry($S, $T.$L)$<$<",
                        Map.class,
                        r.getKey(),
                        model.schemasClass(),
                        constants.get(r.getValue())))
                .collect(CodeBlock.joining(","));
        return CodeBlock.of(", $T.ofEntries($L)", Map.class, entries);
    }

    private static CodeBlock serializer(TopicInfo topic, TopicModel model, Catalog catalog) {
        if (topic.format() == SchemaFormat.AVRO) {
            return CodeBlock.of("new $T<>(registry, $T.from(serde, false), false)", AVRO_SERIALIZER, SERDE_CONFIG);
        }
        Map<String, String> constants = CatalogConstantsSources.jsonSchemaConstants(catalog, model);
        CodeBlock types = topic.events().stream()
                .map(e -> CodeBlock.of(
                        "\n$>$>new $T<>($T.class, $S, $T.$L$L)$<$<",
                        JSON_EVENT_TYPE,
                        e.type(),
                        e.valueRecordName(),
                        model.schemasClass(),
                        constants.get(e.valueSchema().path()),
                        references(catalog, model, constants, e.valueSchema().path())))
                .collect(CodeBlock.joining(","));
        return CodeBlock.of(
                "new $T<>(registry, $T.from(serde, false), false, $T.of($L))",
                JSON_SERIALIZER,
                SERDE_CONFIG,
                List.class,
                types);
    }

    // ---------------------------------------------------------------- handler

    private static TypeSpec handler(TopicInfo topic) {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(topic.handler())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                .addJavadoc(
                        "Handles the events of topic {@code $L}, one method per event type, for a"
                                + " {@link $T}.\n\n"
                                + "<p>A method that returns has handled its event (its offset may be committed);"
                                + " one that throws is called again after a backoff and, after the last attempt,"
                                + " the original record goes to the dead-letter topic. Delivery is at least once:"
                                + " {@code context.attempt()} tells a retry from a first delivery.\n",
                        topicName(topic),
                        topic.consumer());
        for (TopicEvent event : topic.events()) {
            type.addMethod(MethodSpec.methodBuilder(event.handlerMethod())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addJavadoc("Handles one {@link $T}.\n", event.type())
                    .addParameter(event.type(), "event")
                    .addParameter(EVENT_CONTEXT, "context")
                    .addException(Exception.class)
                    .build());
        }
        return type.build();
    }

    // ---------------------------------------------------------------- consumer

    private static TypeSpec consumer(TopicInfo topic) {
        TypeName eventConsumer = ParameterizedTypeName.get(EVENT_CONSUMER, OBJECT);
        TypeSpec.Builder type = TypeSpec.classBuilder(topic.consumer())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addAnnotation(CatalogConstantsSources.generated(topic.origin()))
                .addJavadoc(
                        "Consumes topic {@code $L} and hands each event to the matching method of a"
                                + " {@link $T}.\n\n"
                                + "<p>Configured like a Kafka consumer ({@code bootstrap.servers}, {@code group.id},"
                                + " SASL/SSL, {@code isolation.level}...) plus {@code schema.registry.url} and the"
                                + " runtime's {@code eventcat.consumer.*} keys (retries, backoff, lanes). A handler"
                                + " that keeps failing, or a record that cannot be read, sends the original record"
                                + " to {@code $L} with the error in its headers; offsets are committed only after"
                                + " the handler (or the dead-letter write) succeeded.\n",
                        topicName(topic),
                        topic.handler(),
                        JavaText.comment(topic.topic().name() + ".dlq"))
                .addField(FieldSpec.builder(eventConsumer, "consumer", Modifier.PRIVATE, Modifier.FINAL)
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
        TypeName dispatcherType = ParameterizedTypeName.get(EVENT_HANDLER, OBJECT);
        if (topic.deduplicates()) {
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "A consumer with its own registry client that skips events whose id"
                                    + " {@code processed} has already seen$L.\n",
                            idFields(topic))
                    .addParameter(CONFIG, "config")
                    .addParameter(topic.handler(), "handler")
                    .addParameter(PROCESSED_EVENT_STORE, "processed")
                    .addStatement("this(config, handler, $T.fromConfig(config), processed)", REGISTRY_CLIENT)
                    .build());
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc(
                            "A consumer reading writer schemas with {@code registry} that skips events"
                                    + " whose id {@code processed} has already seen$L.\n",
                            idFields(topic))
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
        type.addMethod(MethodSpec.methodBuilder("run")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Runs the poll loop on the calling thread until {@link #wakeup()} or {@link"
                        + " #close()} is called from another thread.\n")
                .addStatement("consumer.run()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("wakeup")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Asks the poll loop to stop; returns at once.\n")
                .addStatement("consumer.wakeup()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("failure")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Why the loop stopped on its own, if it did.\n")
                .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Throwable.class)))
                .addStatement("return consumer.failure()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("health")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Whether the loop runs, is paused (the registry unreachable, a dead-letter write"
                        + " failing: with the reason), has failed (with the cause) or has stopped, with the"
                        + " assigned partitions and their lag; for liveness and readiness probes.\n")
                .returns(ClassName.get("io.github.eventcat.runtime.kafka", "ConsumerHealth"))
                .addStatement("return consumer.health()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Stops the loop, commits what was handled and closes the clients.\n")
                .addStatement("consumer.close()")
                .build());
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

    /** Hands each event type to its handler method, optionally through a processed-event store. */
    private static MethodSpec dispatcher(TopicInfo topic, TypeName dispatcherType, boolean deduplicated) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("dispatcher")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(dispatcherType)
                .addParameter(topic.handler(), "handler");
        method.addStatement("$T.requireNonNull(handler, $S)", Objects.class, "handler == null");
        if (deduplicated) {
            method.addParameter(PROCESSED_EVENT_STORE, "processed")
                    .addStatement("$T.requireNonNull(processed, $S)", Objects.class, "processed == null");
        }
        CodeBlock.Builder dispatch = CodeBlock.builder().add("return $T.<$T>builder()", EVENT_DISPATCHER, OBJECT);
        for (TopicEvent event : topic.events()) {
            if (deduplicated && event.eventIdAccessor().isPresent()) {
                dispatch.add(
                        "\n$>$>.on($T.class, processed.once($T::$L, handler::$L))$<$<",
                        event.type(),
                        event.type(),
                        event.eventIdAccessor().get(),
                        event.handlerMethod());
            } else {
                dispatch.add("\n$>$>.on($T.class, handler::$L)$<$<", event.type(), event.handlerMethod());
            }
        }
        dispatch.add("\n$>$>.build();\n$<$<");
        return method.addCode(dispatch.build()).build();
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
