package io.github.eventcat.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the JSON Schema step generates, decided before any JavaPoet spec is built: {@link
 * JsonModelBuilder} fills it from the schemas, {@link JsonTypeWriter} turns it into sources.
 */
final class JsonModel {
    private JsonModel() {}

    /** The Java type a schema maps to, with what the component needs to know about it. */
    record JavaType(
            TypeName type,
            boolean nullable,
            List<AnnotationSpec> annotations,
            Container container,
            boolean elementsNullable) {
        JavaType {
            type = JavaNames.settled(type);
            annotations = List.copyOf(annotations);
        }

        static JavaType of(TypeName type) {
            return new JavaType(type, false, List.of(), Container.NONE, false);
        }

        JavaType withNullable() {
            return new JavaType(type, true, annotations, container, elementsNullable);
        }
    }

    /** Collections are copied into unmodifiable ones by the record's constructor. */
    enum Container {
        NONE,
        LIST,
        MAP
    }

    /**
     * A record component.
     *
     * @param wireName the property name in JSON
     * @param javaName the component name
     * @param constValue the only value the schema allows ({@code const}), or null
     * @param defaultValue the Java expression of the schema's {@code default}, applied when the
     *     property is absent; null when there is none (or it cannot apply: see {@link
     *     JsonModelBuilder})
     * @param defaultJson the {@code default} as JSON text, for the documentation; null without one
     */
    record Component(
            String wireName,
            String javaName,
            JavaType type,
            boolean required,
            String description,
            String constValue,
            CodeBlock defaultValue,
            String defaultJson) {

        /** The component's Java type: primitive when always present and never null. */
        TypeName javaType() {
            return required && !type.nullable() && type.type().isBoxedPrimitive()
                    ? type.type().unbox()
                    : type.type();
        }

        /** May the value be null: absent when optional, or null allowed by the schema. */
        boolean mayBeNull() {
            return !required || type.nullable();
        }
    }

    /** A declared Java type: record, enum or sealed interface, with the schema it comes from. */
    abstract static sealed class Declared permits RecordType, EnumType, UnionType {
        final ClassName name;
        final String file;
        final String pointer;
        final String description;
        final List<Declared> nested = new ArrayList<>();

        Declared(ClassName name, String file, String pointer, String description) {
            this.name = JavaNames.settled(name);
            this.file = file;
            this.pointer = pointer;
            this.description = description;
        }

        /** {@code schemas/todo/task_event.json#/properties/metadata}, or the file for its root. */
        String source() {
            return pointer.isEmpty() ? file : file + "#" + pointer;
        }
    }

    static final class RecordType extends Declared {
        final List<Component> components = new ArrayList<>();
        final Set<ClassName> superinterfaces = new TreeSet<>(Comparator.comparing(ClassName::canonicalName));
        final boolean ignoreUnknown;

        RecordType(ClassName name, String file, String pointer, String description, boolean ignoreUnknown) {
            super(name, file, pointer, description);
            this.ignoreUnknown = ignoreUnknown;
        }
    }

    /** An enum constant and the string it stands for on the wire. */
    record Constant(String javaName, String wireValue) {}

    static final class EnumType extends Declared {
        final List<Constant> constants = new ArrayList<>();

        EnumType(ClassName name, String file, String pointer, String description) {
            super(name, file, pointer, description);
        }
    }

    /** One alternative of a union, with its discriminator value when the union has one. */
    record Alternative(ClassName name, String discriminatorValue) {
        Alternative {
            name = JavaNames.settled(name);
        }
    }

    static final class UnionType extends Declared {
        final List<Alternative> alternatives = new ArrayList<>();
        /** The property whose {@code const} tells the alternatives apart, or null (deduction). */
        String discriminator;

        UnionType(ClassName name, String file, String pointer, String description) {
            super(name, file, pointer, description);
        }
    }
}
