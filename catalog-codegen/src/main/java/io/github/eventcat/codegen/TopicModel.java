package io.github.eventcat.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.codegen.JsonModel.Component;
import io.github.eventcat.codegen.JsonModel.Declared;
import io.github.eventcat.codegen.JsonModel.RecordType;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;

/**
 * What the per-topic sources need to know about a catalog, computed once: class names, each
 * event's key accessor, the schema each event is serialized with, and the record name → Java type
 * map the deserializers use. Built once per run ({@link CodegenInput#topicModel()}) and shared by the
 * per-topic contributors ({@link TopicSources#contributors()}) so that all agree on every name.
 */
final class TopicModel {
    /** The constants class of a catalog, in the catalog's package. */
    static final String CONSTANTS_CLASS = "EventCatalog";

    /**
     * An event as a topic's producer and consumer see it.
     *
     * @param keyAccessor the method of the event's class returning the topic's key field
     * @param eventIdAccessor the method of the event's class returning its event-id field, when the
     *     catalog names one: generated consumers deduplicate by it
     * @param handlerMethod the {@code <Topic>Handler} method for the event
     * @param valueSchema the schema file registered for the event on this topic: its own file, or
     *     the topic's union file under TOPIC naming
     * @param valueRecordName the registered schema's record name (Avro full name, JSON title)
     * @param keyForm how the key field's value becomes the record key's text
     */
    record TopicEvent(
            Event event,
            ClassName type,
            String keyAccessor,
            KeyForm keyForm,
            Optional<String> eventIdAccessor,
            String handlerMethod,
            SchemaFile valueSchema,
            String valueRecordName) {
        TopicEvent {
            type = JavaNames.settled(type);
        }
    }

    /** The text the runtime ({@code EventKeys}) makes of a key field's value, by its Java type. */
    enum KeyForm {
        STRING("the string itself"),
        UUID("the UUID in its canonical form"),
        NUMBER("the number in decimal");

        final String description;

        KeyForm(String description) {
            this.description = description;
        }
    }

    /**
     * A topic and its generated names.
     *
     * @param format the one schema language of the topic's events
     * @param constants the topic's nested class in the constants class
     * @param recordTypes record name → Java type, for the deserializer
     * @param singleValueType the Java type of the topic's only value schema (TOPIC naming), read
     *     whatever the writer schema's name
     */
    record TopicInfo(
            Topic topic,
            SchemaFormat format,
            ClassName producer,
            ClassName handler,
            ClassName consumer,
            ClassName outboxProducer,
            ClassName constants,
            List<TopicEvent> events,
            Map<String, ClassName> recordTypes,
            Optional<ClassName> singleValueType) {

        TopicInfo {
            producer = JavaNames.settled(producer);
            handler = JavaNames.settled(handler);
            consumer = JavaNames.settled(consumer);
            outboxProducer = JavaNames.settled(outboxProducer);
            constants = JavaNames.settled(constants);
            recordTypes.values().forEach(JavaNames::settled);
            singleValueType.ifPresent(JavaNames::settled);
        }

        /** True when at least one event of the topic names its event-id field. */
        boolean deduplicates() {
            return events.stream().anyMatch(e -> e.eventIdAccessor().isPresent());
        }

        String origin() {
            return "catalog.yaml#/topics/" + topic.name().replace("~", "~0").replace("/", "~1");
        }
    }

    private final Catalog catalog;
    private final ClassName constantsClass;
    private final Map<String, Declared> jsonTypesByFile = new HashMap<>();
    private final Map<String, RecordType> jsonRecordsByName = new HashMap<>();
    private final Map<String, String> jsonSchemaConstants = new LinkedHashMap<>();
    private Map<String, String> jsonSchemaConstantsWithReferences;
    private final List<TopicInfo> topics = new ArrayList<>();
    private final List<CodegenProblem> problems = new ArrayList<>();
    private boolean usable = true;

    TopicModel(CodegenInput input) {
        Catalog catalog = input.catalog();
        this.catalog = catalog;
        this.constantsClass = JavaNames.settled(ClassName.get(catalog.javaPackage(), CONSTANTS_CLASS));
        boolean hasJson = catalog.schemaFiles().stream().anyMatch(f -> f.format() == SchemaFormat.JSON);
        List<Declared> jsonTypes = List.of();
        if (hasJson) {
            try {
                jsonTypes = input.jsonTypes();
            } catch (CodegenException e) {
                // JsonSchemaSources reports these problems; without records there is nothing to build on.
                this.usable = false;
                return;
            }
        }
        for (Declared type : jsonTypes) {
            if (type.pointer.isEmpty()) {
                jsonTypesByFile.put(type.file, type);
            }
            if (type instanceof RecordType record) {
                jsonRecordsByName.put(record.name.canonicalName(), record);
            }
        }
        problems.addAll(topicClassCollisions(catalog));
        NameAllocator nestedNames = new NameAllocator();
        JavaNames.allocate(nestedNames, CONSTANTS_CLASS);
        JavaNames.allocate(nestedNames, "Schemas");
        for (Topic topic : catalog.topics()) {
            topics.add(topic(topic, nestedNames));
        }
        NameAllocator schemaNames = new NameAllocator();
        topics.stream()
                .filter(t -> t.format() == SchemaFormat.JSON)
                .flatMap(t -> t.events().stream())
                .map(e -> e.valueSchema().path())
                .distinct()
                .sorted()
                .forEach(path -> jsonSchemaConstants.put(path, JavaNames.allocate(schemaNames, constantName(path))));
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
    }

    /**
     * Topics whose names differ only in case or punctuation ({@code things} and {@code Things},
     * {@code order-placed} and {@code order_placed}) would get the same producer, handler and
     * consumer classes, or ones whose files overwrite each other on case-insensitive file systems.
     */
    private static List<CodegenProblem> topicClassCollisions(Catalog catalog) {
        Map<String, List<Topic>> byClass = new TreeMap<>();
        catalog.topics().forEach(t -> byClass.computeIfAbsent(
                        t.javaClassPrefix().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(t));
        List<CodegenProblem> problems = new ArrayList<>();
        for (List<Topic> topics : byClass.values()) {
            if (topics.size() < 2) {
                continue;
            }
            topics.sort(Comparator.comparingInt(TopicModel::lineOf).thenComparing(Topic::name));
            Topic first = topics.get(0);
            String firstBase = first.javaClassPrefix();
            for (Topic other : topics.subList(1, topics.size())) {
                String base = other.javaClassPrefix();
                String classes = base.equals(firstBase)
                        ? "would both get the Java classes " + base + "Producer, " + base + "Handler and " + base
                                + "Consumer"
                        : "would get the Java classes " + firstBase + "Producer and " + base + "Producer (and"
                                + " Handler, Consumer), whose files differ only in case and overwrite each other"
                                + " on case-insensitive file systems";
                problems.add(new CodegenProblem(
                        Catalog.MANIFEST,
                        other.location(),
                        "topics \"" + first.name() + "\" (" + Catalog.MANIFEST + ":" + first.location()
                                + ") and \"" + other.name() + "\" " + classes + ", which are named after the"
                                + " topic — rename one of the two topic keys under \"topics\" (the Kafka topic is"
                                + " renamed with it) so that the names differ in more than case and '-', '_' or"
                                + " '.'"));
            }
        }
        return problems;
    }

    private static int lineOf(Topic topic) {
        String location = topic.location();
        int colon = location.indexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(location.substring(0, colon)) : Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** False when the JSON records cannot be built (their own step reports why): generate nothing. */
    boolean usable() {
        return usable;
    }

    ClassName constantsClass() {
        return constantsClass;
    }

    List<TopicInfo> topics() {
        return topics;
    }

    /** JSON value schema path → the name of its text constant in {@code EventCatalog.Schemas}. */
    Map<String, String> jsonSchemaConstants() {
        return jsonSchemaConstants;
    }

    /**
     * {@link #jsonSchemaConstants()} with the files those schemas reference, made by {@code make}
     * the first time it is asked for (from any thread).
     */
    synchronized Map<String, String> jsonSchemaConstantsWithReferences(Supplier<Map<String, String>> make) {
        if (jsonSchemaConstantsWithReferences == null) {
            jsonSchemaConstantsWithReferences = java.util.Collections.unmodifiableMap(make.get());
        }
        return jsonSchemaConstantsWithReferences;
    }

    ClassName schemasClass() {
        return constantsClass.nestedClass("Schemas");
    }

    private TopicInfo topic(Topic topic, NameAllocator nestedNames) {
        String base = topic.javaClassPrefix();
        String pkg = catalog.javaPackage();
        SchemaFormat format = topic.events().get(0).format();
        if (topic.events().stream().anyMatch(e -> e.format() != format)) {
            problems.add(new CodegenProblem(
                    "catalog.yaml",
                    "#/topics/" + topic.name(),
                    "topic \"" + topic.name() + "\" carries both Avro and JSON Schema events; a generated"
                            + " producer serializes one format per topic — move the events of the other format"
                            + " to a topic of their own"));
        }
        Optional<Subject> topicSubject = topic.naming() == SubjectNamingStrategy.TOPIC
                ? topic.subjects().stream().filter(s -> !s.key()).findFirst()
                : Optional.empty();
        NameAllocator methods = new NameAllocator();
        List<TopicEvent> events = new ArrayList<>();
        Map<String, ClassName> recordTypes = new LinkedHashMap<>();
        for (Event event : topic.events()) {
            ClassName type = javaType(event);
            SchemaFile valueSchema = topicSubject.map(Subject::schemaFile).orElse(event.schemaFile());
            String valueRecordName =
                    valueSchema.path().equals(event.schemaFile().path()) && !isUnionFile(valueSchema)
                            ? event.recordFullName()
                            : recordNameOf(valueSchema);
            Optional<String> accessor = keyAccessor(topic, event);
            Optional<String> eventIdAccessor = event.eventIdField().flatMap(field -> accessor(event, field));
            if (accessor.isEmpty()) {
                continue;
            }
            if (event.eventIdField().isPresent() && eventIdAccessor.isEmpty()) {
                problems.add(new CodegenProblem(
                        event.schemaFile().path(),
                        "",
                        "event " + javaType(event).canonicalName() + " has no generated accessor for its"
                                + " event-id field \""
                                + event.eventIdField().get() + "\" — the event-id must be a top-level field of"
                                + " the event"));
                continue;
            }
            events.add(new TopicEvent(
                    event,
                    type,
                    accessor.get(),
                    keyForm(event, topic.keyField()),
                    eventIdAccessor,
                    JavaNames.allocate(methods, "on" + type.simpleName()),
                    valueSchema,
                    valueRecordName));
            recordTypes.putIfAbsent(event.recordFullName(), type);
        }
        Optional<ClassName> singleValueType = Optional.empty();
        if (topicSubject.isPresent()) {
            SchemaFile file = topicSubject.get().schemaFile();
            if (format == SchemaFormat.JSON && jsonTypesByFile.containsKey(file.path())) {
                ClassName valueType = jsonTypesByFile.get(file.path()).name;
                singleValueType = Optional.of(valueType);
                recordTypes.putIfAbsent(recordNameOf(file), valueType);
            }
        }
        return new TopicInfo(
                topic,
                format,
                ClassName.get(pkg, base + "Producer"),
                ClassName.get(pkg, base + "Handler"),
                ClassName.get(pkg, base + "Consumer"),
                ClassName.get(pkg, base + "OutboxProducer"),
                constantsClass.nestedClass(JavaNames.allocate(nestedNames, base)),
                List.copyOf(events),
                Map.copyOf(recordTypes),
                singleValueType);
    }

    private boolean isUnionFile(SchemaFile file) {
        if (file.format() == SchemaFormat.AVRO) {
            return catalog.avroSchema(file).getType() == Schema.Type.UNION;
        }
        return !catalog.jsonSchema(file).has("properties");
    }

    /** The name a registry-aware deserializer sees: Avro full name, or JSON Schema title. */
    private String recordNameOf(SchemaFile file) {
        if (file.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(file);
            return schema.getType() == Schema.Type.UNION ? file.path() : schema.getFullName();
        }
        JsonNode title = catalog.jsonSchema(file).path("title");
        return title.isTextual() ? title.asText() : file.path();
    }

    /** The Java accessor of the topic's key field on the event's generated class. */
    private Optional<String> keyAccessor(Topic topic, Event event) {
        Optional<String> accessor = accessor(event, topic.keyField());
        if (accessor.isEmpty()) {
            problems.add(new CodegenProblem(
                    event.schemaFile().path(),
                    "",
                    "event " + javaType(event).canonicalName() + " has no generated accessor for key"
                            + " field \""
                            + topic.keyField() + "\" of topic \"" + topic.name() + "\" — the key field must be a"
                            + " top-level field of every event on the topic"));
        }
        return accessor;
    }

    /** The Java accessor of a top-level field on the event's generated class. */
    private Optional<String> accessor(Event event, String fieldName) {
        if (event.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(event.schemaFile());
            if (schema.getType() == Schema.Type.UNION) {
                schema = schema.getTypes().stream()
                        .filter(s -> s.getFullName().equals(event.recordFullName()))
                        .findFirst()
                        .orElse(null);
            }
            Schema.Field field = schema == null ? null : schema.getField(fieldName);
            if (field != null) {
                // Avro's compiler names the getter; ask it rather than guess its rules.
                return Optional.of(SpecificCompiler.generateGetMethod(schema, field));
            }
        } else {
            RecordType record = jsonRecordsByName.get(javaType(event).canonicalName());
            if (record != null) {
                Optional<String> component = record.components.stream()
                        .filter(c -> c.wireName().equals(fieldName))
                        .map(Component::javaName)
                        .findFirst();
                if (component.isPresent()) {
                    return component;
                }
            }
        }
        return Optional.empty();
    }

    private KeyForm keyForm(Event event, String fieldName) {
        if (event.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(event.schemaFile());
            if (schema.getType() == Schema.Type.UNION) {
                schema = schema.getTypes().stream()
                        .filter(s -> s.getFullName().equals(event.recordFullName()))
                        .findFirst()
                        .orElseThrow();
            }
            Schema type = schema.getField(fieldName).schema();
            if (type.getType() == Schema.Type.UNION) {
                type = type.getTypes().stream()
                        .filter(t -> t.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElse(type);
            }
            return switch (type.getType()) {
                case INT, LONG, FLOAT, DOUBLE -> KeyForm.NUMBER;
                case STRING ->
                    type.getLogicalType() != null
                                    && type.getLogicalType().getName().equals("uuid")
                            ? KeyForm.UUID
                            : KeyForm.STRING;
                default -> KeyForm.STRING;
            };
        }
        TypeName type = jsonRecordsByName.get(javaType(event).canonicalName()).components.stream()
                .filter(c -> c.wireName().equals(fieldName))
                .findFirst()
                .orElseThrow()
                .javaType()
                .box();
        if (type.equals(ClassName.get(java.util.UUID.class))) {
            return KeyForm.UUID;
        }
        boolean number = List.of(Integer.class, Long.class, Double.class, java.math.BigDecimal.class).stream()
                .anyMatch(c -> type.equals(ClassName.get(c)));
        return number ? KeyForm.NUMBER : KeyForm.STRING;
    }

    /** The generated class of an event, as the catalog names it. */
    private static ClassName javaType(Event event) {
        return ClassName.bestGuess(event.javaTypeName());
    }

    /** {@code schemas/todo/task_event.json} → {@code TASK_EVENT}. */
    private static String constantName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return JavaNames.constantName(dot > 0 ? file.substring(0, dot) : file);
    }
}
