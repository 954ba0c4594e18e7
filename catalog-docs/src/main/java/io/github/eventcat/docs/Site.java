package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Parallel;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The HTML pages: file name → content. */
final class Site {
    private final CatalogView view;
    private final Catalog catalog;
    private final Map<String, List<FieldRow>> fields = new TreeMap<>();
    private final Map<String, List<Topic>> topicsOfEvent = new TreeMap<>();
    private final History history;
    private final String version;

    /** The events' field tables are worked out over the cores ({@link Parallel}), each on its own. */
    Site(CatalogView view, List<DocsBaseline> baselinesOldestFirst, String version) {
        this.view = view;
        this.history = new History(baselinesOldestFirst);
        this.version = version;
        this.catalog = view.catalog;
        List<Event> events = List.copyOf(catalog.events());
        List<List<FieldRow>> rows = Parallel.map(events, e -> Fields.of(view, e));
        for (int i = 0; i < events.size(); i++) {
            fields.put(events.get(i).javaTypeName(), rows.get(i));
        }
        for (Topic topic : catalog.topics()) {
            topic.events().forEach(e -> topicsOfEvent
                    .computeIfAbsent(e.javaTypeName(), k -> new ArrayList<>())
                    .add(topic));
        }
    }

    /**
     * File name → how to render the page. Each page is rendered on its own from state that is
     * only read, so the pages may be rendered in any order and on any thread.
     */
    Map<String, Supplier<byte[]>> pages() {
        Map<String, Supplier<byte[]>> pages = new LinkedHashMap<>();
        pages.put(CatalogView.indexPage(), this::index);
        catalog.topics().forEach(t -> pages.put(CatalogView.topicPage(t), () -> topic(t)));
        catalog.events().forEach(e -> pages.put(CatalogView.eventPage(e), () -> event(e)));
        return pages;
    }

    // ---- Overview

    private byte[] index() {
        Page page = new Page("Event catalog " + catalog.javaPackage(), true);
        page.raw("<h1>Event catalog <code>").text(catalog.javaPackage()).raw("</code></h1>\n");
        catalog.description().ifPresent(d -> page.element("p", d).raw("\n"));
        page.raw("<p class=\"muted\">")
                .text(catalog.topics().size() + " topics, " + catalog.events().size()
                        + " event types, " + catalog.subjects().size() + " subjects. Default compatibility "
                        + catalog.defaultCompatibility() + ", default subject naming " + catalog.defaultNaming() + ".")
                .raw(" <a href=\"asyncapi.yaml\">AsyncAPI document</a></p>\n");

        page.raw("<h2>Search</h2>\n<p><label for=\"search\">Filter topics and events by name, type or field"
                + " name</label><br><input id=\"search\" type=\"search\" autocomplete=\"off\""
                + " placeholder=\"e.g. ticket_id\"></p>\n");

        page.raw("<h2>Topics</h2>\n<p class=\"muted\"><span class=\"count\" data-count-of=\"topics\">")
                .text(String.valueOf(catalog.topics().size()))
                .raw("</span> of ")
                .text(String.valueOf(catalog.topics().size()))
                .raw(" topics shown</p>\n<table id=\"topics\">\n<thead><tr><th scope=\"col\">Topic</th>"
                        + "<th scope=\"col\">Key</th><th scope=\"col\">Partitions</th><th scope=\"col\">Retention</th>"
                        + "<th scope=\"col\">Subject naming</th><th scope=\"col\">Compatibility</th>"
                        + "<th scope=\"col\">Subjects</th><th scope=\"col\">Event types</th></tr></thead>\n<tbody>\n");
        for (Topic topic : catalog.topics()) {
            StringBuilder search = new StringBuilder(topic.name()).append(' ').append(topic.keyField());
            topic.description().ifPresent(d -> search.append(' ').append(d));
            for (Event event : topic.events()) {
                appendSearch(search, event);
            }
            page.raw("<tr data-search=\"")
                    .text(search.toString().toLowerCase(Locale.ROOT))
                    .raw("\"><td>")
                    .link(CatalogView.topicPage(topic), topic.name())
                    .raw("</td><td><code>")
                    .text(topic.keyField())
                    .raw("</code></td><td>")
                    .text(partitions(topic))
                    .raw("</td><td>")
                    .text(retention(topic))
                    .raw("</td><td>")
                    .text(topic.naming().name())
                    .raw("</td><td>")
                    .text(topic.compatibility().name())
                    .raw("</td><td>");
            topic.subjects()
                    .forEach(
                            s -> page.raw("<span class=\"tag\">").text(s.name()).raw("</span>"));
            page.raw("</td><td>");
            topic.events().forEach(e -> page.raw("<span class=\"tag\">")
                    .link(CatalogView.eventPage(e), e.name())
                    .raw("</span>"));
            page.raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        page.raw("<h2>Events</h2>\n<p class=\"muted\"><span class=\"count\" data-count-of=\"events\">")
                .text(String.valueOf(catalog.events().size()))
                .raw("</span> of ")
                .text(String.valueOf(catalog.events().size()))
                .raw(" event types shown</p>\n<table id=\"events\">\n<thead><tr><th scope=\"col\">Event</th>"
                        + "<th scope=\"col\">Java type</th><th scope=\"col\">Format</th><th scope=\"col\">Topics</th>"
                        + "<th scope=\"col\">Fields</th></tr></thead>\n<tbody>\n");
        for (Event event : catalog.events()) {
            StringBuilder search = new StringBuilder();
            appendSearch(search, event);
            page.raw("<tr data-search=\"")
                    .text(search.toString().toLowerCase(Locale.ROOT))
                    .raw("\"><td>")
                    .link(CatalogView.eventPage(event), event.name())
                    .raw("</td><td><code>")
                    .text(event.javaTypeName())
                    .raw("</code></td><td>")
                    .text(format(event.format()))
                    .raw("</td><td>");
            topicsOfEvent.getOrDefault(event.javaTypeName(), List.of()).forEach(t -> page.raw("<span class=\"tag\">")
                    .link(CatalogView.topicPage(t), t.name())
                    .raw("</span>"));
            page.raw("</td><td>")
                    .text(String.valueOf(fields.get(event.javaTypeName()).size()))
                    .raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        page.raw("<h2>Map</h2>\n<div class=\"map\">").raw(TopicMap.svg(catalog)).raw("</div>\n");
        return page.render();
    }

    private void appendSearch(StringBuilder search, Event event) {
        search.append(' ')
                .append(event.name())
                .append(' ')
                .append(event.javaTypeName())
                .append(' ')
                .append(event.recordFullName());
        for (FieldRow row : fields.get(event.javaTypeName())) {
            search.append(' ').append(row.path());
        }
    }

    // ---- Topic page

    private byte[] topic(Topic topic) {
        Page page = new Page("Topic " + topic.name(), false);
        page.raw("<h1>Topic <code>").text(topic.name()).raw("</code></h1>\n");
        topic.description().ifPresent(d -> page.element("p", d).raw("\n"));
        page.raw("<h2>Settings</h2>\n<table>\n<tbody>\n");
        row(page, "Key field", topic.keyField());
        row(page, "Partitions", partitions(topic));
        row(
                page,
                "Retention",
                retention(topic)
                        + topic.retentionMs().stream()
                                .mapToObj(ms -> " (retention.ms=" + ms + ")")
                                .findFirst()
                                .orElse(""));
        row(page, "Subject naming", topic.naming().name());
        row(page, "Compatibility", topic.compatibility().name());
        page.raw("</tbody>\n</table>\n");

        page.raw("<h2>Events</h2>\n<table>\n<thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Java type"
                + "</th><th scope=\"col\">Format</th><th scope=\"col\">Schema file</th></tr></thead>\n<tbody>\n");
        for (Event event : topic.events()) {
            page.raw("<tr><td>")
                    .link(CatalogView.eventPage(event), event.name())
                    .raw("</td><td><code>")
                    .text(event.javaTypeName())
                    .raw("</code></td><td>")
                    .text(format(event.format()))
                    .raw("</td><td><code>")
                    .text(event.schemaFile().path())
                    .raw("</code></td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        page.raw(
                "<h2>Subjects</h2>\n<table>\n<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Of"
                        + "</th><th scope=\"col\">Schema file</th><th scope=\"col\">Compatibility</th></tr></thead>\n<tbody>\n");
        for (Subject subject : topic.subjects()) {
            page.raw("<tr><td><code>")
                    .text(subject.name())
                    .raw("</code></td><td>")
                    .text(subject.key() ? "key" : "value")
                    .raw("</td><td><code>")
                    .text(subject.schemaFile().path())
                    .raw("</code></td><td>")
                    .text(subject.compatibility().name())
                    .raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        String prefix = topic.javaClassPrefix();
        String pkg = catalog.javaPackage();
        page.raw("<h2>Generated Java types</h2>\n<p>From <code>codegen:generate</code>, in package <code>")
                .text(pkg)
                .raw("</code>.</p>\n<table>\n<thead><tr><th scope=\"col\">Type</th><th scope=\"col\">Use"
                        + "</th></tr></thead>\n<tbody>\n");
        typeRow(
                page,
                prefix + "Producer",
                "sends the topic's events; the record key is the event's " + topic.keyField());
        typeRow(page, prefix + "Handler", "implement it: one method per event type");
        typeRow(page, prefix + "Consumer", "polls the topic and calls your handler");
        for (Event event : topic.events()) {
            page.raw("<tr><td><code>")
                    .text(event.javaTypeName())
                    .raw("</code></td><td>")
                    .text(event.format() == SchemaFormat.AVRO ? "Avro record class " : "Java record ")
                    .raw("(")
                    .link(CatalogView.eventPage(event), event.name())
                    .raw(")</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        page.raw("<h2>Usage</h2>\n<pre><code>").text(snippet(topic)).raw("</code></pre>\n");
        return page.render();
    }

    private static void row(Page page, String header, String value) {
        page.raw("<tr><th scope=\"row\">")
                .text(header)
                .raw("</th><td>")
                .text(value)
                .raw("</td></tr>\n");
    }

    private void typeRow(Page page, String simpleName, String use) {
        page.raw("<tr><td><code>")
                .text(catalog.javaPackage() + "." + simpleName)
                .raw("</code></td><td>")
                .text(use)
                .raw("</td></tr>\n");
    }

    private static String snippet(Topic topic) {
        String prefix = topic.javaClassPrefix();
        StringBuilder code = new StringBuilder();
        Optional<Event> first = topic.events().stream().findFirst();
        code.append("try (")
                .append(prefix)
                .append("Producer producer = new ")
                .append(prefix)
                .append("Producer(config)) {\n");
        first.ifPresent(e -> code.append("  producer.send(")
                .append(variable(e))
                .append(").join();  // key: ")
                .append(topic.keyField())
                .append('\n'));
        code.append("}\n\nclass MyHandler implements ").append(prefix).append("Handler {\n");
        for (Event event : topic.events()) {
            code.append("  public void on")
                    .append(event.javaSimpleName())
                    .append('(')
                    .append(event.javaSimpleName())
                    .append(" event, EventContext context) { }\n");
        }
        code.append("}\n\n")
                .append(prefix)
                .append("Consumer consumer =\n    new ")
                .append(prefix)
                .append("Consumer(configWithGroupId, new MyHandler()).start();\n");
        return code.toString();
    }

    private static String variable(Event event) {
        String simple = event.javaSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    // ---- Event page

    private byte[] event(Event event) {
        Page page = new Page("Event " + event.name(), false);
        page.raw("<h1>Event <code>").text(event.name()).raw("</code></h1>\n");
        eventDoc(event).ifPresent(d -> page.element("p", d).raw("\n"));
        page.raw("<table>\n<tbody>\n");
        row(page, "Java type", event.javaTypeName());
        row(page, "Record name", event.recordFullName());
        row(page, "Format", format(event.format()));
        row(page, "Schema file", event.schemaFile().path());
        event.eventIdField().ifPresent(f -> row(page, "Event-id field", f));
        page.raw("<tr><th scope=\"row\">Topics</th><td>");
        topicsOfEvent.getOrDefault(event.javaTypeName(), List.of()).forEach(t -> page.raw("<span class=\"tag\">")
                .link(CatalogView.topicPage(t), t.name())
                .raw("</span>"));
        page.raw("</td></tr>\n</tbody>\n</table>\n");

        page.raw("<h2>Fields</h2>\n<table class=\"fields\">\n<thead><tr><th scope=\"col\">Field</th>"
                + "<th scope=\"col\">Type</th><th scope=\"col\">Required</th><th scope=\"col\">Default</th>"
                + "<th scope=\"col\">Description</th><th scope=\"col\">Values</th></tr></thead>\n<tbody>\n");
        for (FieldRow field : fields.get(event.javaTypeName())) {
            String indent = field.depth() == 0
                    ? ""
                    : field.depth() <= 4 ? " class=\"d" + field.depth() + "\"" : " class=\"dn\"";
            page.raw("<tr id=\"")
                    .raw(CatalogView.fieldAnchor(field.path()))
                    .raw("\"><td")
                    .raw(indent)
                    .raw("><code>")
                    .text(field.path())
                    .raw("</code></td><td>");
            if (field.link().isPresent()) {
                page.link(field.link().get(), field.type());
            } else {
                page.text(field.type());
            }
            page.raw("</td><td>")
                    .raw(field.required() ? "<span class=\"required\">required</span>" : "optional")
                    .raw("</td><td>");
            field.defaultValue().ifPresent(d -> page.raw("<code>").text(d).raw("</code>"));
            page.raw("</td><td>").text(field.doc()).raw("</td><td>");
            field.symbols()
                    .forEach(s -> page.raw("<span class=\"tag\">").text(s).raw("</span>"));
            page.raw("</td></tr>\n");
        }
        page.raw("</tbody>\n</table>\n");

        if (!history.isEmpty()) {
            history(page, history.of(view, version, event));
        }

        if (!event.examples().isEmpty()) {
            page.raw("<h2>Examples from the catalog</h2>\n<p class=\"muted\">")
                    .text(
                            event.format() == SchemaFormat.AVRO
                                    ? "Listed in catalog.yaml and checked against the schema when the catalog loads (Avro's JSON encoding)."
                                    : "Listed in catalog.yaml and checked against the schema when the catalog loads.")
                    .raw("</p>\n");
            for (io.github.eventcat.catalog.Example example : event.examples()) {
                page.raw("<h3><code>")
                        .text(example.path())
                        .raw("</code></h3>\n<pre><code>")
                        .text(example.text())
                        .raw("</code></pre>\n");
            }
        }

        page.raw("<h2>Example payload</h2>\n<p class=\"muted\">")
                .text(
                        event.format() == SchemaFormat.AVRO
                                ? "Generated from the schema, in Avro's JSON encoding (a union's value is wrapped in its branch's type)."
                                : "Generated from the schema; valid against it.")
                .raw("</p>\n<pre><code>")
                .text(Examples.of(view, event))
                .raw("</code></pre>\n");

        page.raw("<h2>Schema source</h2>\n");
        for (SchemaFile file : view.sources(event.schemaFile())) {
            page.raw("<h3 id=\"")
                    .raw(CatalogView.sourceAnchor(file.path()))
                    .raw("\"><code>")
                    .text(file.path())
                    .raw("</code></h3>\n<pre><code>")
                    .text(file.text())
                    .raw("</code></pre>\n");
        }
        return page.render();
    }

    private static void history(Page page, History.EventHistory events) {
        page.raw("<h2>History</h2>\n<p>Versions with this event: ");
        for (int i = 0; i < events.versions().size(); i++) {
            page.raw(i == 0 ? "" : " → ")
                    .raw("<code>")
                    .text(events.versions().get(i))
                    .raw("</code>");
        }
        page.raw(events.steps().isEmpty() ? ". New: no baseline has it.</p>\n" : ".</p>\n");
        for (History.Step step : events.steps()) {
            page.raw("<h3>").text(step.from() + " → " + step.to() + ": ");
            if (step.report().isPresent()) {
                page.text((step.report().get().isCompatible() ? "compatible" : "breaking") + " under " + step.level());
            } else {
                page.text("not compared");
            }
            page.raw("</h3>\n");
            step.notCompared().ifPresent(reason -> page.element("p", reason).raw("\n"));
            if (step.changes().isEmpty()) {
                page.raw("<p>No field changes.</p>\n");
            } else {
                page.raw("<table>\n<thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Field</th>"
                        + "<th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n");
                for (History.Change change : step.changes()) {
                    page.raw("<tr><td>")
                            .text(change.kind())
                            .raw("</td><td><code>")
                            .text(change.path())
                            .raw("</code></td><td>")
                            .text(change.before())
                            .raw("</td><td>")
                            .text(change.after())
                            .raw("</td></tr>\n");
                }
                page.raw("</tbody>\n</table>\n");
            }
            List<String> findings = step.report().map(History::findings).orElse(List.of());
            if (!findings.isEmpty()) {
                page.raw("<ul>\n");
                findings.forEach(f -> page.element("li", f).raw("\n"));
                page.raw("</ul>\n");
            }
        }
    }

    private Optional<String> eventDoc(Event event) {
        if (event.format() == SchemaFormat.AVRO) {
            return Optional.ofNullable(view.avroRecord(event).getDoc());
        }
        var description = view.json(event.schemaFile()).get("description");
        return description != null && description.isTextual() ? Optional.of(description.asText()) : Optional.empty();
    }

    static String format(SchemaFormat format) {
        return format == SchemaFormat.AVRO ? "Avro" : "JSON Schema";
    }

    static String partitions(Topic topic) {
        return topic.partitions().isPresent()
                ? String.valueOf(topic.partitions().getAsInt())
                : "broker default";
    }

    static String retention(Topic topic) {
        if (topic.retention().isEmpty()) {
            return "broker default";
        }
        Duration retention = topic.retention().get();
        if (retention.equals(Topic.INFINITE_RETENTION)) {
            return "infinite";
        }
        long ms = retention.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
