package io.github.eventcat.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.eventcat.codegen.JsonModel.Alternative;
import io.github.eventcat.codegen.JsonModel.Component;
import io.github.eventcat.codegen.JsonModel.Constant;
import io.github.eventcat.codegen.JsonModel.Container;
import io.github.eventcat.codegen.JsonModel.Declared;
import io.github.eventcat.codegen.JsonModel.EnumType;
import io.github.eventcat.codegen.JsonModel.RecordType;
import io.github.eventcat.codegen.JsonModel.UnionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Turns the decided {@link JsonModel} types into JavaPoet specs: Jackson-annotated records whose
 * JSON is exactly the schema's, enums with the schema's strings, sealed interfaces for unions.
 */
final class JsonTypeWriter {
    private static final String JACKSON = "com.fasterxml.jackson.annotation";
    private static final ClassName JSON_PROPERTY = ClassName.get(JACKSON, "JsonProperty");
    private static final ClassName JSON_CREATOR = ClassName.get(JACKSON, "JsonCreator");
    private static final ClassName JSON_INCLUDE = ClassName.get(JACKSON, "JsonInclude");
    private static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get(JACKSON, "JsonIgnoreProperties");
    private static final ClassName JSON_TYPE_INFO = ClassName.get(JACKSON, "JsonTypeInfo");
    private static final ClassName JSON_SUB_TYPES = ClassName.get(JACKSON, "JsonSubTypes");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    // Immutable, so shared by every file rather than built per component.
    private static final AnnotationSpec INCLUDE_ALWAYS = include("ALWAYS");
    private static final AnnotationSpec INCLUDE_NON_NULL = include("NON_NULL");

    private final int builderThreshold;

    JsonTypeWriter(CodegenConfiguration configuration) {
        this.builderThreshold = configuration.builderThreshold();
    }

    /** The spec of a top-level type, with its nested types. */
    TypeSpec topLevel(Declared type) {
        return spec(type, true, false);
    }

    private TypeSpec spec(Declared type, boolean topLevel, boolean inInterface) {
        TypeSpec.Builder builder;
        if (type instanceof RecordType record) {
            builder = record(record);
        } else if (type instanceof EnumType enumType) {
            builder = enumeration(enumType);
        } else {
            builder = union((UnionType) type);
        }
        if (inInterface) {
            // JavaPoet insists on spelling out what an interface's member types implicitly are.
            builder.addModifiers(Modifier.STATIC);
        }
        if (topLevel) {
            builder.addAnnotation(AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", CodeGenerator.GENERATOR_NAME)
                    .addMember("comments", "$S", "from " + type.source())
                    .build());
        }
        for (Declared nested : type.nested) {
            builder.addType(spec(nested, false, type instanceof UnionType));
        }
        return builder.build();
    }

    private TypeSpec.Builder record(RecordType record) {
        TypeSpec.Builder builder = TypeSpec.recordBuilder(record.name).addModifiers(Modifier.PUBLIC);
        // Text without types is passed to JavaPoet as one piece: JavaPoet splits every piece it
        // emits into lines with a regex, in both of its passes over a file, so fewer and larger pieces
        // allocate less; the bytes written are the same.
        StringBuilder javadoc = new StringBuilder(intro(record));
        if (!record.components.isEmpty()) {
            javadoc.append('\n');
        }
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(JSON_CREATOR);
        CodeBlock.Builder body = CodeBlock.builder();
        for (Component component : record.components) {
            constructor.addParameter(parameter(component));
            checks(record, component, body);
            javadoc.append("@param ")
                    .append(component.javaName())
                    .append(' ')
                    .append(componentDoc(component))
                    .append('\n');
        }
        builder.addJavadoc("$L", javadoc.toString());
        if (record.ignoreUnknown) {
            // The schema allows other properties ("additionalProperties" is not false).
            builder.addAnnotation(AnnotationSpec.builder(JSON_IGNORE_PROPERTIES)
                    .addMember("ignoreUnknown", "true")
                    .build());
        }
        record.superinterfaces.forEach(builder::addSuperinterface);
        if (body.isEmpty()) {
            // JavaPoet leaves out an empty compact constructor, and with it the @JsonCreator.
            body.add("// Nothing to check: no required object, constant or collection.\n");
        }
        builder.recordConstructor(constructor.addCode(body.build()).build());
        if (record.components.size() >= builderThreshold) {
            addBuilder(record, builder);
        }
        return builder;
    }

    private static ParameterSpec parameter(Component component) {
        AnnotationSpec.Builder property = AnnotationSpec.builder(JSON_PROPERTY);
        if (component.required()) {
            property.addMember("value", "$L", literal(component.wireName())).addMember("required", "true");
        } else {
            property.addMember("value", "$L", literal(component.wireName()));
        }
        ParameterSpec.Builder parameter = ParameterSpec.builder(component.javaType(), component.javaName())
                .addAnnotation(property.build());
        component.type().annotations().forEach(parameter::addAnnotation);
        if (component.type().nullable()) {
            // null is a value of the schema: write it, whatever the ObjectMapper's inclusion default.
            parameter.addAnnotation(INCLUDE_ALWAYS);
        } else if (!component.required()) {
            // Absent stays absent: the schema does not allow null here.
            parameter.addAnnotation(INCLUDE_NON_NULL);
        }
        return parameter.build();
    }

    private static AnnotationSpec include(String inclusion) {
        return AnnotationSpec.builder(JSON_INCLUDE)
                .addMember("value", "$T.Include.$L", JSON_INCLUDE, inclusion)
                .build();
    }

    /**
     * The Java string literal of catalog text, as {@code $S} writes it (see {@link
     * JavaText#stringLiteral}), for {@code $L}: escaped once, not a character at a time in each of
     * JavaPoet's two passes.
     */
    private static String literal(String text) {
        return JavaText.stringLiteral(text, TopicSources.INDENT);
    }

    /**
     * Null checks with the wire name, constant checks, defaults of absent properties, and
     * unmodifiable copies of collections.
     */
    private static void checks(RecordType record, Component c, CodeBlock.Builder constructor) {
        String name = c.javaName();
        if (!c.mayBeNull() && !c.javaType().isPrimitive()) {
            constructor.addStatement(
                    "$T$L", Objects.class, ".requireNonNull(" + name + ", " + literal(required(record, c)) + ")");
        }
        if (c.constValue() != null) {
            constructor
                    .beginControlFlow("if ($L != null && !$L.equals($S))", name, name, c.constValue())
                    .addStatement(
                            "throw new $T($S + $L + $S)",
                            IllegalArgumentException.class,
                            "property \"" + c.wireName() + "\" of " + record.name.simpleName() + " must be \""
                                    + c.constValue() + "\", not \"",
                            name,
                            "\"")
                    .endControlFlow();
        }
        if (c.defaultValue() != null) {
            constructor
                    .beginControlFlow("if ($L == null)", name)
                    .addStatement("$L = $L", name, c.defaultValue())
                    .endControlFlow();
        }
        if (c.type().container() != Container.NONE) {
            CodeBlock copy = copy(c);
            if (c.mayBeNull()) {
                constructor.addStatement("$L = $L == null ? null : $L", name, name, copy);
            } else {
                constructor.addStatement("$L = $L", name, copy);
            }
        }
    }

    private static CodeBlock copy(Component c) {
        boolean list = c.type().container() == Container.LIST;
        if (!c.type().elementsNullable()) {
            return CodeBlock.of("$T.copyOf($L)", list ? List.class : Map.class, c.javaName());
        }
        return list
                ? CodeBlock.of("$T.unmodifiableList(new $T<>($L))", Collections.class, ArrayList.class, c.javaName())
                : CodeBlock.of(
                        "$T.unmodifiableMap(new $T<>($L))",
                        Collections.class,
                        java.util.LinkedHashMap.class,
                        c.javaName());
    }

    private static String required(RecordType record, Component c) {
        return "property \"" + c.wireName() + "\" of " + record.name.simpleName() + " is required";
    }

    private static void addBuilder(RecordType record, TypeSpec.Builder type) {
        ClassName builderName = record.name.nestedClass("Builder");
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addJavadoc("A builder of {@link $T}, for setting components by name.\n", record.name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderName)
                .addStatement("return new $T()", builderName)
                .build());
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
                .addJavadoc("Builds a {@link $T}; {@link #build()} checks the required properties.\n", record.name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        MethodSpec.Builder build =
                MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(record.name);
        List<String> arguments = new ArrayList<>();
        for (Component c : record.components) {
            // Primitives are boxed here so that build() can tell "not set" from 0 or false.
            TypeName fieldType = c.javaType().box();
            FieldSpec.Builder field = FieldSpec.builder(fieldType, c.javaName(), Modifier.PRIVATE);
            if (c.constValue() != null) {
                field.initializer("$S", c.constValue());
            }
            builder.addField(field.build());
            builder.addMethod(MethodSpec.methodBuilder(c.javaName())
                    .addJavadoc(
                            "$L",
                            "Sets {@code " + c.javaName() + "} (wire property {@code " + JavaText.comment(c.wireName())
                                    + "}).\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builderName)
                    .addParameter(c.javaType(), c.javaName())
                    .addStatement("$L", "this." + c.javaName() + " = " + c.javaName())
                    .addStatement("return this")
                    .build());
            if (c.javaType().isPrimitive()) {
                build.beginControlFlow("if ($L == null)", c.javaName())
                        .addStatement("throw new $T($L)", IllegalStateException.class, literal(required(record, c)))
                        .endControlFlow();
            }
            arguments.add(c.javaName());
        }
        build.addStatement("return new $T($L)", record.name, String.join(", ", arguments));
        type.addType(builder.addMethod(build.build()).build());
    }

    private TypeSpec.Builder enumeration(EnumType type) {
        TypeSpec.Builder builder =
                TypeSpec.enumBuilder(type.name).addModifiers(Modifier.PUBLIC).addJavadoc("$L", intro(type));
        for (Constant constant : type.constants) {
            builder.addEnumConstant(
                    constant.javaName(),
                    TypeSpec.anonymousClassBuilder("$L", literal(constant.wireValue()))
                            .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY)
                                    .addMember("value", "$L", literal(constant.wireValue()))
                                    .build())
                            .build());
        }
        return builder.addField(String.class, "wireValue", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "wireValue")
                        .addStatement("this.wireValue = wireValue")
                        .build())
                .addMethod(MethodSpec.methodBuilder("wireValue")
                        .addJavadoc("The value on the wire, exactly as the schema writes it.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return wireValue")
                        .build());
    }

    private TypeSpec.Builder union(UnionType union) {
        TypeSpec.Builder builder = TypeSpec.interfaceBuilder(union.name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        CodeBlock.Builder javadoc = CodeBlock.builder().add("$L", intro(union)).add("\n<p>One of: ");
        AnnotationSpec.Builder subTypes = AnnotationSpec.builder(JSON_SUB_TYPES);
        for (int i = 0; i < union.alternatives.size(); i++) {
            Alternative alternative = union.alternatives.get(i);
            builder.addPermittedSubclass(alternative.name());
            javadoc.add(i == 0 ? "{@link $T}" : ", {@link $T}", alternative.name());
            AnnotationSpec.Builder subType = AnnotationSpec.builder(JSON_SUB_TYPES.nestedClass("Type"))
                    .addMember("value", "$T.class", alternative.name());
            if (alternative.discriminatorValue() != null) {
                subType.addMember("name", "$S", alternative.discriminatorValue());
            }
            subTypes.addMember("value", "$L", subType.build());
        }
        AnnotationSpec.Builder typeInfo = AnnotationSpec.builder(JSON_TYPE_INFO);
        if (union.discriminator != null) {
            javadoc.add(
                    ".\nJackson picks the record by the property {@code $L}.\n", JavaText.comment(union.discriminator));
            typeInfo.addMember("use", "$T.Id.NAME", JSON_TYPE_INFO)
                    .addMember("include", "$T.As.EXISTING_PROPERTY", JSON_TYPE_INFO)
                    .addMember("property", "$S", union.discriminator)
                    .addMember("visible", "true");
        } else {
            javadoc.add(".\nJackson picks the record by the properties present (no discriminator).\n");
            typeInfo.addMember("use", "$T.Id.DEDUCTION", JSON_TYPE_INFO);
        }
        return builder.addJavadoc(javadoc.build())
                .addAnnotation(typeInfo.build())
                .addAnnotation(subTypes.build());
    }

    private static String intro(Declared type) {
        String source = "Generated from {@code " + JavaText.comment(type.source()) + "}.\n";
        return type.description == null
                ? source
                : JavaText.comment(type.description).strip() + "\n\n<p>" + source;
    }

    private static String componentDoc(Component c) {
        StringBuilder doc = new StringBuilder();
        if (c.description() != null) {
            doc.append(JavaText.comment(c.description()).strip()).append(' ');
        }
        doc.append("Wire property {@code ")
                .append(JavaText.comment(c.wireName()))
                .append("}; ");
        if (c.required() && c.type().nullable()) {
            doc.append("required, may be {@code null}.");
        } else if (c.required()) {
            doc.append("required.");
        } else if (c.type().nullable()) {
            doc.append("optional and nullable: {@code null} when absent or null (written as null).");
        } else if (c.defaultValue() != null) {
            doc.append("optional: {@code ")
                    .append(JavaText.comment(c.defaultJson()))
                    .append("} (the schema's default) when absent.");
        } else {
            doc.append("optional: {@code null} when absent (then left out when written).");
        }
        return doc.toString();
    }
}
