package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics (left) and the event types they carry (right), joined by lines: an inline SVG drawn
 * here, no script. A big catalog shows topics only, with their event counts.
 */
final class TopicMap {
    /** Above this many event types the picture would be a scroll, not a map. */
    static final int MAX_EVENTS_DRAWN = 300;

    private static final int ROW = 34;
    private static final int BOX_HEIGHT = 24;
    private static final int BOX_WIDTH = 280;
    private static final int EVENT_X = 420;
    private static final int MAX_LABEL = 38;

    private TopicMap() {}

    static String svg(Catalog catalog) {
        List<Topic> topics = catalog.topics();
        // Events in the order of their first topic, so that most lines run straight across.
        Map<String, Event> placed = new java.util.LinkedHashMap<>();
        topics.forEach(t -> t.events().forEach(e -> placed.putIfAbsent(e.javaTypeName(), e)));
        List<Event> events = List.copyOf(placed.values());
        boolean drawEvents = events.size() <= MAX_EVENTS_DRAWN;
        int rows = Math.max(1, drawEvents ? Math.max(topics.size(), events.size()) : topics.size());
        int width = drawEvents ? EVENT_X + BOX_WIDTH + 10 : BOX_WIDTH + 20;
        int height = rows * ROW + 10;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"map-title map-desc\"")
                .append(" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">\n")
                .append("<title id=\"map-title\">Map of topics and their event types</title>\n")
                .append("<desc id=\"map-desc\">")
                .append(Html.text(description(catalog, drawEvents)))
                .append("</desc>\n");
        Map<String, Integer> eventRows = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            eventRows.put(events.get(i).javaTypeName(), i);
        }
        if (drawEvents) {
            for (int t = 0; t < topics.size(); t++) {
                for (Event event : topics.get(t).events()) {
                    int e = eventRows.get(event.javaTypeName());
                    svg.append("<line x1=\"")
                            .append(10 + BOX_WIDTH)
                            .append("\" y1=\"")
                            .append(centre(t))
                            .append("\" x2=\"")
                            .append(EVENT_X)
                            .append("\" y2=\"")
                            .append(centre(e))
                            .append("\"/>\n");
                }
            }
        }
        for (int t = 0; t < topics.size(); t++) {
            Topic topic = topics.get(t);
            String label = drawEvents
                    ? topic.name()
                    : topic.name() + " (" + topic.events().size() + ")";
            box(svg, "topic", 10, t, label);
        }
        if (drawEvents) {
            for (int e = 0; e < events.size(); e++) {
                box(svg, "event", EVENT_X, e, events.get(e).name());
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String description(Catalog catalog, boolean drawEvents) {
        StringBuilder text = new StringBuilder();
        for (Topic topic : catalog.topics()) {
            text.append("Topic ").append(topic.name()).append(" carries ");
            text.append(String.join(
                            ", ", topic.events().stream().map(Event::name).toList()))
                    .append(". ");
        }
        if (!drawEvents) {
            text.append("Event types are not drawn: the catalog has more than ")
                    .append(MAX_EVENTS_DRAWN)
                    .append('.');
        }
        return text.toString().trim();
    }

    private static int centre(int row) {
        return 10 + row * ROW + BOX_HEIGHT / 2;
    }

    private static void box(StringBuilder svg, String kind, int x, int row, String label) {
        String shown = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
        int y = 10 + row * ROW;
        svg.append("<g class=\"")
                .append(kind)
                .append("\"><rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(BOX_WIDTH)
                .append("\" height=\"")
                .append(BOX_HEIGHT)
                .append("\" rx=\"4\"/><text x=\"")
                .append(x + 8)
                .append("\" y=\"")
                .append(y + 16)
                .append("\">")
                .append(Html.text(shown))
                .append("</text></g>\n");
    }
}
