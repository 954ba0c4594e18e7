package com.example.app;

import java.util.Objects;

/**
 * One event passing through one service: sent by it, or received by it.
 *
 * @param service the service's name, e.g. {@code secretary}
 * @param direction whether the service sent or received the event
 * @param topic the Kafka topic
 * @param key the record key (the event's key field as text)
 * @param partition the partition the record is in
 * @param offset the record's offset in its partition
 * @param event the event itself (a generated record)
 */
public record Passage(
        String service, Direction direction, String topic, String key, int partition, long offset, Object event) {

    public enum Direction {
        SENT,
        RECEIVED
    }

    public Passage {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(direction, "direction == null");
        Objects.requireNonNull(topic, "topic == null");
        Objects.requireNonNull(event, "event == null");
    }

    /** The event type's simple name, e.g. {@code TicketOpened}. */
    public String eventType() {
        return event.getClass().getSimpleName();
    }

    /** One readable line, e.g. {@code [secretary ] received TicketOpened ... tickets-2@0}. */
    public String describe(String details) {
        return String.format(
                "[%-10s] %-8s %-17s key=%s  %s-%d@%d%s",
                service,
                direction == Direction.SENT ? "sent" : "received",
                eventType(),
                key,
                topic,
                partition,
                offset,
                details.isEmpty() ? "" : "  " + details);
    }
}
