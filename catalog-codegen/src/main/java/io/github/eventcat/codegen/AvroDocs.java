package io.github.eventcat.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaGraph;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.lang.model.SourceVersion;
import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;

/**
 * Keeps Avro schema text from becoming code in the classes Avro's compiler writes.
 *
 * <p>Docs: Avro's templates put them into Javadoc escaping only a literal comment end, so the
 * compiler gets copies whose docs are {@linkplain JavaText#comment inert}, and {@link
 * OriginalDocsCompiler} puts the docs as written back into each record's {@code SCHEMA$} (a string
 * literal, where Avro doubles every backslash): the embedded schema stays the registered one.
 * The mapping is unambiguous because {@link JavaText#comment} is one-to-one.
 *
 * <p>{@code java-class} and {@code java-key-class}: Avro's compiler writes their value as the
 * Java type of a field, unchecked; only Java class names are accepted.
 */
final class AvroDocs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASS_PROPERTIES = List.of("java-class", "java-key-class", "java-element-class");

    /**
     * Inert doc → the doc as written, for the docs that had to change; filled by the compiling
     * threads as they make their copies. A copy's docs are in it before any of its types is
     * compiled, and an inert doc never equals a doc that needed no change (it holds an escape, whose
     * {@code &} would change), so what a lookup finds does not depend on the other threads.
     */
    private final Map<String, String> originals = new ConcurrentHashMap<>();

    /** The schema text with every doc inert; the same text when no doc needed it. */
    String inert(String schemaText) {
        JsonNode tree = read(schemaText);
        boolean changed = rewriteDocs(tree, doc -> {
            String inert = JavaText.comment(doc);
            if (!inert.equals(doc)) {
                originals.put(inert, doc);
            }
            return inert;
        });
        return changed ? tree.toString() : schemaText;
    }

    /** The schema text with the docs as written; the same text when none was changed. */
    String original(String schemaText) {
        if (originals.isEmpty()) {
            return schemaText;
        }
        JsonNode tree = read(schemaText);
        return rewriteDocs(tree, doc -> originals.getOrDefault(doc, doc)) ? tree.toString() : schemaText;
    }

    /** Rewrites the docs of records, fields, enums and fixed types; never defaults or other data. */
    private static boolean rewriteDocs(JsonNode schema, UnaryOperator<String> rewrite) {
        boolean changed = false;
        if (schema.isArray()) { // a union
            for (JsonNode branch : schema) {
                changed |= rewriteDocs(branch, rewrite);
            }
            return changed;
        }
        if (!schema.isObject()) {
            return false;
        }
        ObjectNode object = (ObjectNode) schema;
        changed |= rewriteDoc(object, rewrite);
        JsonNode type = object.path("type");
        if (!type.isTextual()) {
            return changed | rewriteDocs(type, rewrite);
        }
        switch (type.asText()) {
            case "record", "error" -> {
                for (JsonNode field : object.path("fields")) {
                    if (field.isObject()) {
                        changed |= rewriteDoc((ObjectNode) field, rewrite);
                        changed |= rewriteDocs(field.path("type"), rewrite);
                    }
                }
            }
            case "array" -> changed |= rewriteDocs(object.path("items"), rewrite);
            case "map" -> changed |= rewriteDocs(object.path("values"), rewrite);
            default -> {}
        }
        return changed;
    }

    private static boolean rewriteDoc(ObjectNode object, UnaryOperator<String> rewrite) {
        JsonNode doc = object.get("doc");
        if (doc == null || !doc.isTextual()) {
            return false;
        }
        String rewritten = rewrite.apply(doc.asText());
        if (rewritten.equals(doc.asText())) {
            return false;
        }
        object.put("doc", rewritten);
        return true;
    }

    private static JsonNode read(String schemaText) {
        try {
            return JSON.readTree(schemaText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema that is not JSON: " + e, e);
        }
    }

    /**
     * Reports {@code java-class}-like properties of the file's own types whose value is not a Java
     * class name (named types of referenced files are checked with those files).
     */
    static void checkJavaClasses(Catalog catalog, SchemaFile file, List<CodegenProblem> problems) {
        Map<String, SchemaGraph.AvroNamedType> types = catalog.schemaGraph().avroNamedTypes();
        check(catalog.avroSchema(file), "", file.path(), types, new HashSet<>(), problems);
    }

    private static void check(
            Schema schema,
            String pointer,
            String path,
            Map<String, SchemaGraph.AvroNamedType> types,
            Set<String> seen,
            List<CodegenProblem> problems) {
        boolean named =
                switch (schema.getType()) {
                    case RECORD, ENUM, FIXED -> true;
                    default -> false;
                };
        if (named && (!definedIn(path, schema.getFullName(), types) || !seen.add(schema.getFullName()))) {
            return;
        }
        for (String property : CLASS_PROPERTIES) {
            Object value = schema.getObjectProp(property);
            if (value != null && !(value instanceof String name && SourceVersion.isName(name))) {
                problems.add(new CodegenProblem(
                        path,
                        "#" + pointer,
                        "\"" + property + "\" is \"" + value
                                + "\", which is not a Java class name: write a fully qualified class name such as"
                                + " java.math.BigInteger, or remove it"));
            }
        }
        switch (schema.getType()) {
            case RECORD -> {
                List<Schema.Field> fields = schema.getFields();
                for (int i = 0; i < fields.size(); i++) {
                    check(fields.get(i).schema(), pointer + "/fields/" + i + "/type", path, types, seen, problems);
                }
            }
            case ARRAY -> check(schema.getElementType(), pointer + "/items", path, types, seen, problems);
            case MAP -> check(schema.getValueType(), pointer + "/values", path, types, seen, problems);
            case UNION -> {
                for (int i = 0; i < schema.getTypes().size(); i++) {
                    check(schema.getTypes().get(i), pointer + "/" + i, path, types, seen, problems);
                }
            }
            default -> {}
        }
    }

    /** Whether the catalog says the named type is defined in the file at {@code path}. */
    private static boolean definedIn(String path, String fullName, Map<String, SchemaGraph.AvroNamedType> types) {
        SchemaGraph.AvroNamedType type = types.get(fullName);
        return type == null || type.file().equals(path);
    }

    /**
     * Avro's compiler with the catalog's docs back in {@code SCHEMA$}: records build that literal
     * with {@link #javaSplit}, the one overridable step between the schema and the source.
     */
    static final class OriginalDocsCompiler extends SpecificCompiler {
        private final AvroDocs docs;

        OriginalDocsCompiler(Collection<Schema> schemas, AvroDocs docs) {
            super(schemas);
            this.docs = docs;
        }

        @Override
        public String javaSplit(String schemaText) throws IOException {
            return super.javaSplit(docs.original(schemaText));
        }
    }
}
