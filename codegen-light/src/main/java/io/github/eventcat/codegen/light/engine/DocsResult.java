package io.github.eventcat.codegen.light.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code docs} wrote, and what a report page that leads into the site shows (plain text: a
 * renderer escapes it).
 *
 * @param summary the build log's line
 * @param description the catalog's description
 * @param index the site's overview page, relative to its directory
 * @param asyncApi the AsyncAPI document, relative to the site's directory
 * @param topics every topic, in the catalog's order
 * @param events how many event types the catalog has
 */
public record DocsResult(
        String summary, Optional<String> description, String index, String asyncApi, List<Topic> topics, int events) {
    public DocsResult {
        Objects.requireNonNull(summary, "summary == null");
        Objects.requireNonNull(description, "description == null");
        topics = List.copyOf(topics);
    }

    /** A topic, its page, its key field and its event types. */
    public record Topic(String name, String page, String keyField, List<Event> events) {
        public Topic {
            events = List.copyOf(events);
        }
    }

    /** An event type: its generated record class and its page. */
    public record Event(String javaType, String page) {}
}
