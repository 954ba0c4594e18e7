package io.github.eventcat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the trees of the schema files a catalog keeps after loading, smaller than Jackson's
 * default: a short string value that recurs across files ({@code "string"}, {@code "object"},
 * {@code "date-time"}, a shared field name) is one {@link TextNode} (text nodes never change, so
 * sharing one is safe), and objects and arrays start small, as most hold a few members. One per
 * load; how many strings it shares is bounded, as the text it reads is untrusted.
 */
final class SharingNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    /** Longer strings (descriptions, patterns) seldom recur. */
    static final int MAX_SHARED_LENGTH = 48;

    /** At most this many distinct strings are shared; later ones get nodes of their own. */
    static final int MAX_SHARED = 8192;

    private final transient Map<String, TextNode> shared = new ConcurrentHashMap<>();

    SharingNodeFactory() {
        super(false);
    }

    @Override
    public TextNode textNode(String text) {
        if (text == null || text.length() > MAX_SHARED_LENGTH) {
            return super.textNode(text);
        }
        TextNode node = shared.get(text);
        if (node != null) {
            return node;
        }
        node = super.textNode(text);
        if (shared.size() >= MAX_SHARED) {
            return node;
        }
        TextNode first = shared.putIfAbsent(text, node);
        return first != null ? first : node;
    }

    /**
     * Forgets the shared strings once the catalog is loaded (every node of a tree keeps its
     * factory, so the table would live as long as the model); nodes made later share anew.
     */
    void forget() {
        shared.clear();
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new LinkedHashMap<String, JsonNode>(4));
    }

    @Override
    public ArrayNode arrayNode() {
        return new ArrayNode(this, new ArrayList<>(4));
    }
}
