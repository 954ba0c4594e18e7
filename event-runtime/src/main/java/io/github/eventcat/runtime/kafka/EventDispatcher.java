package io.github.eventcat.runtime.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dispatches events by Java type to one handler each: what a generated {@code <Topic>Consumer}
 * builds from the methods of its {@code <Topic>Handler}.
 *
 * <pre>{@code
 * EventHandler<SpecificRecord> dispatch = EventDispatcher.<SpecificRecord>builder()
 *         .on(TicketOpened.class, (event, context) -> handler.onTicketOpened(event, context))
 *         .on(TicketClosed.class, (event, context) -> handler.onTicketClosed(event, context))
 *         .build();
 * }</pre>
 *
 * An event of no registered type raises {@link UnhandledEventException} (sent to the dead-letter
 * topic without retries).
 */
public final class EventDispatcher<V> implements EventHandler<V> {
    private final Map<Class<?>, EventHandler<Object>> handlers;
    private final Map<Class<?>, EventHandler<Object>> resolved = new ConcurrentHashMap<>();
    /** The previous event's type and handler: a topic of one event type never reaches the maps. */
    private volatile Resolved last;

    private record Resolved(Class<?> type, EventHandler<Object> handler) {}

    private EventDispatcher(Map<Class<?>, EventHandler<Object>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    @Override
    public void handle(V event, EventContext context) throws Exception {
        Class<?> type = event.getClass();
        Resolved previous = last;
        if (previous != null && previous.type() == type) {
            previous.handler().handle(event, context);
            return;
        }
        EventHandler<Object> handler = resolved.get(type);
        if (handler == null) {
            handler = handlers.get(type);
            if (handler == null) {
                // A subclass or an interface registration (e.g. GenericRecord): first assignable wins.
                handler = handlers.entrySet().stream()
                        .filter(e -> e.getKey().isAssignableFrom(type))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            if (handler == null) {
                throw new UnhandledEventException(
                        type.getName(),
                        context.topic(),
                        handlers.keySet().stream().map(Class::getName).sorted().toList());
            }
            resolved.put(type, handler);
        }
        last = new Resolved(type, handler);
        handler.handle(event, context);
    }

    public static final class Builder<V> {
        private final Map<Class<?>, EventHandler<Object>> handlers = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        public <T extends V> Builder<V> on(Class<T> type, EventHandler<? super T> handler) {
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(handler, "handler == null");
            if (handlers.putIfAbsent(type, (EventHandler<Object>) handler) != null) {
                throw new IllegalArgumentException("two handlers for " + type.getName());
            }
            return this;
        }

        public EventDispatcher<V> build() {
            return new EventDispatcher<>(handlers);
        }
    }
}
