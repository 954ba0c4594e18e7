package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.ParseContext;
import org.apache.avro.Schema;

/**
 * Builds an Avro schema from the tree the loader already parsed, so that each {@code .avsc} file is
 * read as JSON once: Avro's public parsers only take text, which they tokenize and turn into a tree
 * of their own before building the same schema from it ({@code Schema.Parser.parseInternal} reads
 * the text with Avro's {@code ObjectMapper}, then calls {@code Schema.parse(JsonNode, ParseContext,
 * String)}). That second step is package-private in Avro 1.12, so it is looked up once; with any
 * other Avro where it is missing, or if it refuses the tree, the text is parsed by the public
 * parser, as before.
 */
final class AvroTreeParser {
    /** {@code Schema.parse(JsonNode, ParseContext, String)}, or null when this Avro has none. */
    private static final MethodHandle FROM_TREE = fromTree();

    private AvroTreeParser() {}

    private static MethodHandle fromTree() {
        try {
            return MethodHandles.privateLookupIn(Schema.class, MethodHandles.lookup())
                    .findStatic(
                            Schema.class,
                            "parse",
                            MethodType.methodType(Schema.class, JsonNode.class, ParseContext.class, String.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether schemas are built from the loader's tree (false: from the text, by Avro's parser). */
    static boolean fromTrees() {
        return FROM_TREE != null;
    }

    /**
     * The schema of a JSON document, its named types added to {@code context}, which holds the (committed)
     * types of the file's dependencies. Defaults are not validated: the caller reports each bad one.
     *
     * @throws AvroRuntimeException when Avro refuses the schema, with Avro's message
     */
    static Schema parse(ParsedDocument document, ParseContext context) {
        // A text with more after the root value is left to Avro's parser, which refuses it.
        if (FROM_TREE != null && document.rootAlone()) {
            try {
                return (Schema) FROM_TREE.invokeExact(document.root(), context, (String) null);
            } catch (AvroRuntimeException e) {
                // Built from a tree, Avro validates defaults (only a thread-local setting turns that
                // off): the file is parsed again below, which says the same or leaves the defaults
                // to the caller, who reports every bad one with its place.
                context.rollback();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Avro's schema parser failed", e);
            }
        }
        Schema.Parser parser = new Schema.Parser(context);
        parser.setValidateDefaults(false);
        return parser.parseInternal(document.text());
    }
}
