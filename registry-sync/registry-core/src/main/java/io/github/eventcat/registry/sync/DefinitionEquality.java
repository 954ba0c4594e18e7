package io.github.eventcat.registry.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import java.io.IOException;

/**
 * Whether a registered schema is the catalog's, without asking the registry: same type, same
 * references (name, subject, version, in order) and schema texts equal as JSON trees, so
 * whitespace and the order of object keys do not count. Anything else (different texts the
 * registry might still normalize to one, text that is not JSON) is "not known equal": the caller
 * then asks the registry, whose normalization decides.
 */
final class DefinitionEquality {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DefinitionEquality() {}

    static boolean equalAsJson(SchemaDefinition registered, SchemaDefinition catalog) {
        if (registered.type() != catalog.type() || !registered.references().equals(catalog.references())) {
            return false;
        }
        if (registered.schema().equals(catalog.schema())) {
            return true;
        }
        JsonNode registeredTree = tree(registered.schema());
        return registeredTree != null && registeredTree.equals(tree(catalog.schema()));
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException notJson) {
            return null;
        }
    }
}
