package io.github.eventcat.runtime.serde;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A JSON event that does not satisfy its schema, found before it was sent. Lists every violation:
 * where (a JSON pointer into the event), which rule (the schema keyword), and what is wrong.
 */
public class JsonValidationException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** One broken rule: {@code pointer} into the event (e.g. {@code /items/0/qty}), {@code rule} the schema keyword. */
    public record Violation(String pointer, String rule, String message) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + " [" + rule + "]: " + message;
        }
    }

    private final String eventName;
    private final String topic;
    private final transient List<Violation> violations;

    public JsonValidationException(String eventName, String topic, List<Violation> violations) {
        super("Event " + eventName + " for topic " + topic + " does not match its JSON schema ("
                + violations.size() + " problem" + (violations.size() == 1 ? "" : "s") + "):\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "))
                + "\nFix the event's fields, or turn validation off with json.fail.invalid.schema=false");
        this.eventName = eventName;
        this.topic = topic;
        this.violations = List.copyOf(violations);
    }

    public String eventName() {
        return eventName;
    }

    public String topic() {
        return topic;
    }

    public List<Violation> violations() {
        return violations;
    }
}
