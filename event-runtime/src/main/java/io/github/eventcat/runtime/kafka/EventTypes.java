package io.github.eventcat.runtime.kafka;

import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;

/** The event type name used as metric tag and span attribute: the record's simple class name. */
final class EventTypes {
    /** A poison record: its type could not be read. */
    static final String UNREADABLE = "unreadable";

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    private EventTypes() {}

    /** True when the event's class alone gives its type name (not a GenericRecord, not null). */
    static boolean byClass(Object event) {
        return event != null && !(event instanceof GenericContainer && !(event instanceof SpecificRecord));
    }

    static String of(Object event) {
        if (event == null) {
            return "none";
        }
        if (event instanceof GenericContainer generic && !(event instanceof SpecificRecord)) {
            return generic.getSchema().getName(); // a GenericRecord: its class says nothing
        }
        return NAMES.get(event.getClass());
    }
}
