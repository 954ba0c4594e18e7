package io.github.eventcat.catalog;

import io.github.eventcat.catalog.Manifest.TopicEntry;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The key rules of an Avro event: the topic's key names a top-level field that is always present
 * and of a type a record key can have.
 */
final class AvroKeyRules {
    private AvroKeyRules() {}

    /**
     * The type of the topic's key field in {@code record}; empty, after reporting, when the record
     * breaks a rule.
     */
    static Optional<KeyType> keyField(
            TopicEntry topic,
            Schema record,
            SchemaGraph.AvroNamedType definition,
            ParsedDocument document,
            Problems problems) {
        String key = topic.key().orElseThrow();
        Schema.Field field = record.getField(key);
        if (field == null) {
            problems.codeRule(
                    definition.file(),
                    document.locate(definition.pointer()),
                    "event record \"" + record.getFullName() + "\" has no field \"" + key + "\", the key"
                            + " of topic \"" + topic.name() + "\": add it as a top-level field of type string"
                            + " (uuid allowed), int or long");
            return Optional.empty();
        }
        Supplier<String> location = () -> document.locate(definition.pointer() + "/fields/" + field.pos());
        Schema.Type type = field.schema().getType();
        if (type == Schema.Type.UNION) {
            problems.codeRule(
                    definition.file(),
                    location.get(),
                    "field \"" + key + "\" of \"" + record.getFullName() + "\" is the key of topic \""
                            + topic.name() + "\" and must always be present: make its type a plain string,"
                            + " int or long instead of the union " + field.schema());
            return Optional.empty();
        }
        if (type != Schema.Type.STRING && type != Schema.Type.INT && type != Schema.Type.LONG) {
            problems.codeRule(
                    definition.file(),
                    location.get(),
                    "field \"" + key + "\" of \"" + record.getFullName() + "\" is the key of topic \""
                            + topic.name() + "\" but has type " + type.getName() + ": a key must be a string"
                            + " (uuid allowed), int or long");
            return Optional.empty();
        }
        return Optional.of(new KeyType(type.getName(), definition.file(), location));
    }
}
