package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page that leads into the site shows (a build tool's report page, such as the Maven site's
 * "Event catalog"): the catalog's description and its topics and events, each with the site page
 * that describes it, relative to the site's directory. Plain text: a renderer escapes it.
 *
 * @param description the catalog's description
 * @param topics every topic, in the catalog's order
 * @param events how many event types the catalog has
 */
public record SiteOverview(Optional<String> description, List<TopicEntry> topics, int events) {
    /** The overview page of the site. */
    public static final String INDEX = CatalogView.indexPage();
    /** The AsyncAPI document of the site. */
    public static final String ASYNC_API = AsyncApiDocument.FILE;

    public SiteOverview {
        Objects.requireNonNull(description, "description == null");
        topics = List.copyOf(topics);
    }

    /**
     * A topic and its page.
     *
     * @param name the topic
     * @param page its page in the site
     * @param keyField the field whose value is the record key
     * @param events its event types
     */
    public record TopicEntry(String name, String page, String keyField, List<EventEntry> events) {
        public TopicEntry {
            events = List.copyOf(events);
        }
    }

    /**
     * An event type and its page.
     *
     * @param name the event's name in the catalog
     * @param javaType the generated record class
     * @param page its page in the site
     */
    public record EventEntry(String name, String javaType, String page) {}

    /** The overview of a catalog's site (the one {@link DocsGenerator} writes for it). */
    public static SiteOverview of(Catalog catalog) {
        List<TopicEntry> topics = new ArrayList<>();
        for (Topic topic : catalog.topics()) {
            List<EventEntry> events = new ArrayList<>();
            for (Event event : topic.events()) {
                events.add(new EventEntry(event.name(), event.javaTypeName(), CatalogView.eventPage(event)));
            }
            topics.add(new TopicEntry(topic.name(), CatalogView.topicPage(topic), topic.keyField(), events));
        }
        return new SiteOverview(catalog.description(), topics, catalog.events().size());
    }
}
