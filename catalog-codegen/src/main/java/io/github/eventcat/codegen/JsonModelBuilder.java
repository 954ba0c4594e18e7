package io.github.eventcat.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaGraph;
import io.github.eventcat.codegen.JsonModel.Alternative;
import io.github.eventcat.codegen.JsonModel.Component;
import io.github.eventcat.codegen.JsonModel.Constant;
import io.github.eventcat.codegen.JsonModel.Container;
import io.github.eventcat.codegen.JsonModel.Declared;
import io.github.eventcat.codegen.JsonModel.EnumType;
import io.github.eventcat.codegen.JsonModel.JavaType;
import io.github.eventcat.codegen.JsonModel.RecordType;
import io.github.eventcat.codegen.JsonModel.UnionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Walks the catalog's JSON Schemas and decides the Java types: one declared type per schema
 * location, however many {@code $ref}s reach it (within a file or across files), so there are
 * never {@code Foo_}/{@code Foo__1} duplicates.
 *
 * <p>Naming: a file's root schema becomes a top-level type named after its {@code title} (the
 * catalog's rule for event types; a dotted full name gives its last segment), or after the file
 * name; {@code $defs}/{@code definitions}
 * entries become top-level types named after their key; objects, enums and unions written inline
 * become nested types of the type that holds them, named after their {@code title} or property.
 */
final class JsonModelBuilder {
    /** The JVM's limit on a constructor's parameters, counted in slots, less one for {@code this}. */
    private static final int MAX_CONSTRUCTOR_SLOTS = 254;

    private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final ClassName JSON_FORMAT = ClassName.get("com.fasterxml.jackson.annotation", "JsonFormat");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName BIG_DECIMAL = ClassName.get(BigDecimal.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName MAP = ClassName.get(Map.class);
    // The types most properties have, one instance each: the model of every record is held for the
    // whole run (the per-topic steps look records up in it), so a type per property adds up.
    private static final JavaType STRING_TYPE = JavaType.of(STRING);
    private static final JavaType UUID_TYPE = JavaType.of(ClassName.get(UUID.class));
    private static final JavaType BIG_DECIMAL_TYPE = JavaType.of(BIG_DECIMAL);
    private static final JavaType INTEGER_TYPE = JavaType.of(TypeName.INT.box());
    private static final JavaType LONG_TYPE = JavaType.of(TypeName.LONG.box());
    private static final JavaType DOUBLE_TYPE = JavaType.of(TypeName.DOUBLE.box());
    private static final JavaType BOOLEAN_TYPE = JavaType.of(TypeName.BOOLEAN.box());
    private static final JavaType JSON_NODE_TYPE = JavaType.of(JSON_NODE);
    /** Dates are written as ISO strings whatever the ObjectMapper's timestamp setting. */
    private static final AnnotationSpec STRING_SHAPE = AnnotationSpec.builder(JSON_FORMAT)
            .addMember("shape", "$T.Shape.STRING", JSON_FORMAT)
            .build();

    private static final JavaType INSTANT_TYPE = dateType(Instant.class, STRING_SHAPE);
    private static final JavaType LOCAL_DATE_TYPE = dateType(LocalDate.class, STRING_SHAPE);
    private static final JavaType OFFSET_DATE_TIME_TYPE = dateType(
            OffsetDateTime.class,
            AnnotationSpec.builder(JSON_FORMAT)
                    .addMember("shape", "$T.Shape.STRING", JSON_FORMAT)
                    .addMember("without", "$T.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE", JSON_FORMAT)
                    .build());
    /** Record component names the language forbids (they would clash with Object's methods). */
    private static final List<String> FORBIDDEN_COMPONENTS =
            List.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "builder");

    /** A schema and where it is: the identity of a generated type. */
    private record Located(String file, String pointer, JsonNode node) {
        String key() {
            return file + "#" + pointer;
        }

        Located child(String segment, JsonNode child) {
            return new Located(file, pointer + "/" + escape(segment), child);
        }
    }

    /** Where nested types go, and the names already taken there. */
    private static final class Scope {
        final Declared owner;
        final NameAllocator names = new NameAllocator();

        Scope(Declared owner, Set<String> enclosingNames) {
            this.owner = owner;
            enclosingNames.forEach(name -> JavaNames.allocate(names, name));
            JavaNames.allocate(names, "Builder"); // the nested builder class of records
        }

        ClassName nested(String suggestion) {
            return owner.name.nestedClass(JavaNames.allocate(names, suggestion));
        }

        Set<String> enclosingNames() {
            Set<String> names = new HashSet<>();
            for (ClassName c = owner.name; c != null; c = c.enclosingClassName()) {
                names.add(c.simpleName());
            }
            return names;
        }
    }

    private final Catalog catalog;
    private final CodegenConfiguration configuration;
    private final SchemaGraph graph;
    private final Map<String, JsonNode> documents = new TreeMap<>();
    private final Map<String, JavaType> byLocation = new HashMap<>();
    private final Map<ClassName, RecordType> records = new HashMap<>();
    private final Map<ClassName, EnumType> enums = new HashMap<>();
    private final List<Declared> topLevel = new ArrayList<>();
    private final List<CodegenProblem> problems = new ArrayList<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    JsonModelBuilder(Catalog catalog, CodegenConfiguration configuration) {
        this.catalog = catalog;
        this.configuration = configuration;
        this.graph = catalog.schemaGraph();
        for (SchemaFile file : catalog.schemaFiles()) {
            if (file.format() == SchemaFormat.JSON) {
                // Read only: the catalog's own trees, so that $ref targets are nodes of the same trees.
                documents.put(
                        file.path(), graph.at(file.path(), "").orElseThrow().node());
            }
        }
    }

    /** Every top-level type, in file order. */
    List<Declared> build() {
        documents.forEach((path, root) -> typeOf(new Located(path, "", root)));
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
        return List.copyOf(topLevel);
    }

    /** The type of a schema reached by a {@code $ref} or as a file root: one per location. */
    private JavaType typeOf(Located target) {
        JavaType known = byLocation.get(target.key());
        if (known != null) {
            return known;
        }
        if (resolving.contains(target.key())) {
            // A $ref chain that leads back to itself without declaring a type: nothing to name.
            return JSON_NODE_TYPE;
        }
        resolving.push(target.key());
        try {
            JavaType type = map(target, topLevelName(target), null);
            byLocation.put(target.key(), type);
            return type;
        } finally {
            resolving.pop();
        }
    }

    private String topLevelName(Located target) {
        if (target.pointer().isEmpty()) {
            JsonNode title = target.node().get("title");
            if (title != null && title.isTextual() && !title.asText().isBlank()) {
                return JavaNames.typeNameOfTitle(title.asText());
            }
            String fileName = target.file().substring(target.file().lastIndexOf('/') + 1);
            return JavaNames.pascalCase(fileName.replaceFirst("\\.json$", ""));
        }
        String last = unescape(target.pointer().substring(target.pointer().lastIndexOf('/') + 1));
        return JavaNames.pascalCase(last);
    }

    /**
     * The Java type of a schema; declares a type when the schema needs one.
     *
     * @param suggestion the name of a declared type, if one is needed
     * @param scope where to nest a declared type; null for a top-level type
     */
    private JavaType map(Located schema, String suggestion, Scope scope) {
        JsonNode node = schema.node();
        if (!node.isObject()) {
            return JSON_NODE_TYPE; // true/false schemas: anything / nothing
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            return resolve(schema, ref.asText()).map(this::typeOf).orElse(JSON_NODE_TYPE);
        }
        Optional<Located> nullableOf = nullableAlternative(schema);
        if (nullableOf.isPresent()) {
            return map(nullableOf.get(), suggestion, scope).withNullable();
        }
        Set<String> types = types(node);
        boolean nullable = types.remove("null");
        JavaType type = mapNonNull(schema, types, suggestion, scope);
        return nullable ? type.withNullable() : type;
    }

    private JavaType mapNonNull(Located schema, Set<String> types, String suggestion, Scope scope) {
        JsonNode node = schema.node();
        // Top-level names are settled by the caller (file title, $defs key); nested ones prefer a title.
        String name = scope == null
                ? suggestion
                : title(node).map(JavaNames::typeNameOfTitle).orElse(suggestion);
        if (node.has("oneOf") && !node.has("properties") && isUnionOfObjects(schema)) {
            JavaType union = JavaType.of(declareUnion(schema, name, scope));
            boolean nullable = false;
            for (JsonNode alternative : node.get("oneOf")) {
                nullable |= isNullSchema(alternative);
            }
            return nullable ? union.withNullable() : union;
        }
        if (node.has("enum") && isStringEnum(node, types)) {
            JavaType type = JavaType.of(declareEnum(schema, name, scope));
            return hasNull(node.get("enum")) ? type.withNullable() : type;
        }
        JsonNode constant = node.get("const");
        if (types.isEmpty() && constant != null) {
            types.add(
                    constant.isTextual()
                            ? "string"
                            : constant.isIntegralNumber()
                                    ? "integer"
                                    : constant.isNumber() ? "number" : constant.isBoolean() ? "boolean" : "any");
        }
        if (types.isEmpty() && (node.has("properties") || node.has("additionalProperties"))) {
            types.add("object");
        }
        if (types.isEmpty() && node.has("items")) {
            types.add("array");
        }
        if (types.size() != 1) {
            return JSON_NODE_TYPE; // no type, or several: keep the JSON as it is
        }
        return switch (types.iterator().next()) {
            case "string" -> string(node);
            case "integer" -> isLong(node) ? LONG_TYPE : INTEGER_TYPE;
            case "number" ->
                configuration.moneyDetection().isDecimal(node.has("multipleOf"), text(node, "format"))
                        ? BIG_DECIMAL_TYPE
                        : DOUBLE_TYPE;
            case "boolean" -> BOOLEAN_TYPE;
            case "array" -> array(schema, suggestion, scope);
            case "object" -> object(schema, name, scope);
            default -> JSON_NODE_TYPE;
        };
    }

    private JavaType string(JsonNode node) {
        String format = text(node, "format");
        if (format == null) {
            return STRING_TYPE;
        }
        return switch (format) {
            case "date-time" ->
                configuration.dateTimeType() == DateTimeType.OFFSET_DATE_TIME ? OFFSET_DATE_TIME_TYPE : INSTANT_TYPE;
            case "date" -> LOCAL_DATE_TYPE;
            case "uuid" -> UUID_TYPE;
            default -> STRING_TYPE; // email, uri, …: text on the wire
        };
    }

    private static JavaType dateType(Class<?> type, AnnotationSpec format) {
        return new JavaType(ClassName.get(type), false, List.of(format), Container.NONE, false);
    }

    private JavaType array(Located schema, String suggestion, Scope scope) {
        JsonNode items = schema.node().get("items");
        JavaType element = items == null || !items.isObject()
                ? JSON_NODE_TYPE
                : map(schema.child("items", items), suggestion + "Item", scope);
        return new JavaType(
                ParameterizedTypeName.get(LIST, element.type()), false, List.of(), Container.LIST, element.nullable());
    }

    private JavaType object(Located schema, String name, Scope scope) {
        JsonNode node = schema.node();
        JsonNode additional = node.get("additionalProperties");
        if (!node.has("properties") && additional != null && additional.isObject()) {
            JavaType value = map(schema.child("additionalProperties", additional), name + "Value", scope);
            return new JavaType(
                    ParameterizedTypeName.get(MAP, STRING, value.type()),
                    false,
                    List.of(),
                    Container.MAP,
                    value.nullable());
        }
        if (!node.has("properties")) {
            return JSON_NODE_TYPE; // a free-form object
        }
        return JavaType.of(declareRecord(schema, name, scope));
    }

    private ClassName declareRecord(Located schema, String name, Scope scope) {
        JsonNode node = schema.node();
        JsonNode additional = node.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.asBoolean();
        RecordType record = new RecordType(
                className(name, scope), schema.file(), schema.pointer(), text(node, "description"), !closed);
        declare(record, schema, scope);
        records.put(record.name, record);
        Scope inner = new Scope(record, scopeNames(scope, record));
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        NameAllocator components = new NameAllocator();
        FORBIDDEN_COMPONENTS.forEach(forbidden -> JavaNames.allocate(components, forbidden));
        JsonNode properties = node.get("properties");
        Located propertiesAt = schema.child("properties", properties);
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            Located at = propertiesAt.child(property.getKey(), property.getValue());
            JavaType type = map(at, JavaNames.pascalCase(property.getKey()), inner);
            JsonNode target = followRefs(at).node();
            JsonNode constant = target.get("const");
            boolean isRequired = required.contains(property.getKey());
            JsonNode defaultNode =
                    Optional.ofNullable(property.getValue().get("default")).orElse(target.get("default"));
            // A default fills an absent property. When null is a value of its own, the record cannot
            // tell absent from null, so only non-nullable optional properties get theirs.
            CodeBlock defaultValue = defaultNode == null || isRequired || type.nullable()
                    ? null
                    : defaultValue(at, defaultNode, type.type());
            record.components.add(new Component(
                    property.getKey(),
                    JavaNames.allocate(components, JavaNames.camelCase(property.getKey())),
                    type,
                    isRequired,
                    Optional.ofNullable(text(property.getValue(), "description"))
                            .orElse(text(target, "description")),
                    constant != null && constant.isTextual() ? constant.asText() : null,
                    defaultValue,
                    defaultValue == null ? null : defaultNode.toString()));
        }
        int slots = record.components.stream()
                .mapToInt(
                        c -> c.javaType().equals(TypeName.LONG) || c.javaType().equals(TypeName.DOUBLE) ? 2 : 1)
                .sum();
        if (slots > MAX_CONSTRUCTOR_SLOTS) {
            problems.add(new CodegenProblem(
                    schema.file(),
                    "#" + schema.pointer() + "/properties",
                    "this object has " + record.components.size() + " properties, more than a Java record's"
                            + " constructor can take (" + MAX_CONSTRUCTOR_SLOTS + " parameter slots; long and"
                            + " double take two) — group related properties into nested objects"));
        }
        return record.name;
    }

    /**
     * The Java expression of a property's {@code default}: strings, numbers, booleans and enum
     * values; null (no default applied) for other types. A default that does not fit the type is
     * reported.
     */
    private CodeBlock defaultValue(Located at, JsonNode value, TypeName type) {
        TypeName boxed = type.box();
        CodeBlock code = null;
        String expected;
        if (boxed.equals(STRING)) {
            expected = "a string";
            code = value.isTextual() ? CodeBlock.of("$S", value.asText()) : null;
        } else if (boxed.equals(TypeName.BOOLEAN.box())) {
            expected = "true or false";
            code = value.isBoolean() ? CodeBlock.of("$L", value.asBoolean()) : null;
        } else if (boxed.equals(TypeName.INT.box())) {
            expected = "a whole number within int range";
            code = value.isIntegralNumber() && value.canConvertToInt() ? CodeBlock.of("$L", value.intValue()) : null;
        } else if (boxed.equals(TypeName.LONG.box())) {
            expected = "a whole number within long range";
            code = value.isIntegralNumber() && value.canConvertToLong() ? CodeBlock.of("$LL", value.longValue()) : null;
        } else if (boxed.equals(TypeName.DOUBLE.box())) {
            expected = "a number";
            code = value.isNumber() ? CodeBlock.of("$Ld", value.doubleValue()) : null;
        } else if (boxed.equals(BIG_DECIMAL)) {
            expected = "a number";
            code = value.isNumber()
                    ? CodeBlock.of(
                            "new $T($S)", BigDecimal.class, value.decimalValue().toString())
                    : null;
        } else if (boxed instanceof ClassName name && enums.containsKey(name)) {
            expected = "one of the enum's values";
            code = enums.get(name).constants.stream()
                    .filter(c -> value.isTextual() && c.wireValue().equals(value.asText()))
                    .findFirst()
                    .map(c -> CodeBlock.of("$T.$L", name, c.javaName()))
                    .orElse(null);
        } else {
            return null; // dates, UUIDs, objects, arrays: not applied (see the README)
        }
        if (code == null) {
            problems.add(new CodegenProblem(
                    at.file(),
                    "#" + at.pointer() + "/default",
                    "\"default\": " + value + " is not " + expected + ", the type of this property: fix the"
                            + " default or the type"));
        }
        return code;
    }

    private ClassName declareEnum(Located schema, String name, Scope scope) {
        EnumType type = new EnumType(
                className(name, scope), schema.file(), schema.pointer(), text(schema.node(), "description"));
        declare(type, schema, scope);
        enums.put(type.name, type);
        NameAllocator constants = new NameAllocator();
        Set<String> seen = new HashSet<>();
        for (JsonNode value : schema.node().get("enum")) {
            if (value.isTextual() && seen.add(value.asText())) {
                String wire = value.asText();
                type.constants.add(new Constant(JavaNames.allocate(constants, JavaNames.constantName(wire)), wire));
            }
        }
        return type.name;
    }

    private ClassName declareUnion(Located schema, String name, Scope scope) {
        UnionType union = new UnionType(
                className(name, scope), schema.file(), schema.pointer(), text(schema.node(), "description"));
        declare(union, schema, scope);
        JsonNode oneOf = schema.node().get("oneOf");
        List<Located> alternatives = new ArrayList<>();
        for (int i = 0; i < oneOf.size(); i++) {
            Located alternative = schema.child("oneOf", oneOf).child(String.valueOf(i), oneOf.get(i));
            if (!isNullSchema(alternative.node())) {
                alternatives.add(alternative);
            }
        }
        union.discriminator = discriminator(alternatives).orElse(null);
        // Alternatives of a file's root union are events: top-level types, as the catalog names them.
        Scope inner = scope == null && schema.pointer().isEmpty() ? null : new Scope(union, scopeNames(scope, union));
        for (int i = 0; i < alternatives.size(); i++) {
            Located alternative = alternatives.get(i);
            String value = union.discriminator == null
                    ? null
                    : constOf(followRefs(alternative).node(), union.discriminator)
                            .orElseThrow();
            String suggestion = title(alternative.node())
                    .map(JavaNames::typeNameOfTitle)
                    .orElse(value != null ? JavaNames.pascalCase(value) : name + "Option" + (i + 1));
            TypeName type = map(alternative, suggestion, inner).type();
            if (!(type instanceof ClassName className) || !records.containsKey(className)) {
                problems.add(new CodegenProblem(
                        alternative.file(),
                        "#" + alternative.pointer(),
                        "this oneOf alternative does not become a record, so it cannot implement the sealed"
                                + " interface " + union.name.canonicalName() + ": make every alternative an"
                                + " object schema with \"properties\""));
                continue;
            }
            records.get(className).superinterfaces.add(union.name);
            union.alternatives.add(new Alternative(className, value));
        }
        return union.name;
    }

    private void declare(Declared type, Located schema, Scope scope) {
        byLocation.put(schema.key(), JavaType.of(type.name)); // before the body: recursion finds it
        if (scope == null) {
            topLevel.add(type);
        } else {
            scope.owner.nested.add(type);
        }
    }

    private ClassName className(String name, Scope scope) {
        return scope == null ? ClassName.get(catalog.javaPackage(), name) : scope.nested(name);
    }

    private static Set<String> scopeNames(Scope outer, Declared owner) {
        Set<String> names = outer == null ? new HashSet<>() : outer.enclosingNames();
        names.add(owner.name.simpleName());
        return names;
    }

    /**
     * The property every alternative fixes with a distinct {@code const} (or one-value {@code
     * enum}), e.g. {@code "type": {"const": "created"}}: Jackson then picks the record by name.
     */
    private Optional<String> discriminator(List<Located> alternatives) {
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        Set<String> candidates = new java.util.TreeSet<>();
        followRefs(alternatives.get(0)).node().path("properties").fieldNames().forEachRemaining(candidates::add);
        for (String candidate : candidates) {
            Set<String> values = new HashSet<>();
            boolean all = alternatives.stream()
                    .map(a -> constOf(followRefs(a).node(), candidate))
                    .allMatch(v -> v.isPresent() && values.add(v.get()));
            if (all) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<String> constOf(JsonNode object, String property) {
        JsonNode schema = object.path("properties").path(property);
        if (schema.has("$ref")) {
            return Optional.empty();
        }
        JsonNode constant = schema.get("const");
        if (constant != null && constant.isTextual()) {
            return Optional.of(constant.asText());
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.size() == 1 && values.get(0).isTextual()) {
            return Optional.of(values.get(0).asText());
        }
        return Optional.empty();
    }

    private boolean isUnionOfObjects(Located schema) {
        JsonNode oneOf = schema.node().get("oneOf");
        if (!oneOf.isArray() || oneOf.isEmpty()) {
            return false;
        }
        int objects = 0;
        for (JsonNode alternative : oneOf) {
            if (isNullSchema(alternative)) {
                continue;
            }
            JsonNode target = followRefs(new Located(schema.file(), schema.pointer(), alternative))
                    .node();
            if (!target.has("properties")) {
                return false;
            }
            objects++;
        }
        return objects > 0;
    }

    /** {@code oneOf}/{@code anyOf} of one schema and {@code {"type": "null"}}: a nullable schema. */
    private Optional<Located> nullableAlternative(Located schema) {
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode alternatives = schema.node().get(keyword);
            if (alternatives == null
                    || !alternatives.isArray()
                    || alternatives.size() != 2
                    || schema.node().has("properties")) {
                continue;
            }
            for (int i = 0; i < 2; i++) {
                if (isNullSchema(alternatives.get(i)) && !isNullSchema(alternatives.get(1 - i))) {
                    return Optional.of(
                            schema.child(keyword, alternatives).child(String.valueOf(1 - i), alternatives.get(1 - i)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isNullSchema(JsonNode node) {
        JsonNode type = node.get("type");
        return type != null && type.isTextual() && type.asText().equals("null");
    }

    private static boolean isStringEnum(JsonNode node, Set<String> types) {
        if (!(types.isEmpty() || types.equals(Set.of("string")))) {
            return false;
        }
        boolean any = false;
        for (JsonNode value : node.get("enum")) {
            if (value.isTextual()) {
                any = true;
            } else if (!value.isNull()) {
                return false;
            }
        }
        return any;
    }

    private static boolean hasNull(JsonNode values) {
        for (JsonNode value : values) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLong(JsonNode node) {
        if ("int64".equals(text(node, "format"))) {
            return true;
        }
        for (String bound : List.of("maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum")) {
            JsonNode value = node.get(bound);
            if (value != null
                    && value.isNumber()
                    && (value.asDouble() > Integer.MAX_VALUE || value.asDouble() < Integer.MIN_VALUE)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private Located followRefs(Located schema) {
        SchemaGraph.Resolved target =
                graph.follow(new SchemaGraph.Resolved(schema.file(), schema.pointer(), schema.node()));
        return new Located(target.file(), target.pointer(), target.node());
    }

    /** The schema a {@code $ref} names, as the catalog resolved it. */
    private Optional<Located> resolve(Located from, String ref) {
        Optional<SchemaGraph.Resolved> target =
                graph.resolve(from.file(), ref).filter(t -> !t.node().isMissingNode());
        if (target.isEmpty()) {
            problems.add(new CodegenProblem(
                    from.file(),
                    "#" + from.pointer(),
                    "$ref \"" + ref + "\" names no schema of the catalog: fix the reference"));
            return Optional.empty();
        }
        return Optional.of(new Located(
                target.get().file(), target.get().pointer(), target.get().node()));
    }

    private static Optional<String> title(JsonNode node) {
        return Optional.ofNullable(text(node, "title")).filter(t -> !t.isBlank());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
