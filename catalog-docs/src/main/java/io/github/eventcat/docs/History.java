package io.github.eventcat.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Topic;
import io.github.eventcat.catalog.compat.CandidateSchema;
import io.github.eventcat.catalog.compat.CompatibilityChecker;
import io.github.eventcat.catalog.compat.CompatibilityFinding;
import io.github.eventcat.catalog.compat.CompatibilityReport;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each event's versions across the baselines and the current catalog, and per step what changed
 * in its fields and the compatibility checker's verdict under the subject's level (the same
 * checker and levels as the gate: transitive levels compare with every earlier version).
 */
final class History {
    /** A field added, removed or changed between two versions. */
    record Change(String kind, String path, String before, String after) {}

    /** From one version of the event to the next. */
    record Step(
            String from,
            String to,
            List<Change> changes,
            CompatibilityLevel level,
            Optional<CompatibilityReport> report,
            Optional<String> notCompared) {}

    /**
     * @param versions the labels of the versions that have the event, oldest first (the current last)
     * @param steps one per pair of consecutive versions
     */
    record EventHistory(List<String> versions, List<Step> steps) {}

    private record Version(String label, Catalog catalog, CatalogView view, Event event) {}

    private final List<DocsBaseline> baselines;
    private final List<CatalogView> views = new ArrayList<>();
    private final List<Map<String, Event>> eventsByType = new ArrayList<>();

    History(List<DocsBaseline> baselinesOldestFirst) {
        this.baselines = baselinesOldestFirst;
        for (DocsBaseline baseline : baselinesOldestFirst) {
            views.add(new CatalogView(baseline.catalog()));
            Map<String, Event> events = new HashMap<>();
            baseline.catalog().events().forEach(e -> events.put(e.javaTypeName(), e));
            eventsByType.add(events);
        }
    }

    boolean isEmpty() {
        return baselines.isEmpty();
    }

    EventHistory of(CatalogView current, String currentLabel, Event event) {
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < baselines.size(); i++) {
            Event earlier = eventsByType.get(i).get(event.javaTypeName());
            if (earlier != null) {
                versions.add(
                        new Version(baselines.get(i).label(), baselines.get(i).catalog(), views.get(i), earlier));
            }
        }
        versions.add(new Version(currentLabel, current.catalog, current, event));
        CompatibilityLevel level = level(current.catalog, event);
        List<Step> steps = new ArrayList<>();
        List<CandidateSchema> earlier = new ArrayList<>();
        for (int i = 0; i + 1 < versions.size(); i++) {
            Version from = versions.get(i);
            Version to = versions.get(i + 1);
            List<Change> changes = diff(Fields.of(from.view(), from.event()), Fields.of(to.view(), to.event()));
            earlier.add(CandidateSchema.of(from.catalog(), from.event().schemaFile(), from.label()));
            Optional<CompatibilityReport> report = Optional.empty();
            Optional<String> notCompared = Optional.empty();
            try {
                report = Optional.of(CompatibilityChecker.check(
                        level, CandidateSchema.of(to.catalog(), to.event().schemaFile(), to.label()), earlier));
            } catch (RuntimeException e) {
                notCompared = Optional.of(String.valueOf(e.getMessage()));
            }
            steps.add(new Step(from.label(), to.label(), changes, level, report, notCompared));
        }
        return new EventHistory(versions.stream().map(Version::label).toList(), steps);
    }

    /** The level of the event's subject: its first topic's subject for its file, else the topic's. */
    private static CompatibilityLevel level(Catalog catalog, Event event) {
        for (Topic topic : catalog.topics()) {
            if (topic.event(event.javaTypeName()).isPresent()) {
                return topic.subjects().stream()
                        .filter(s -> !s.key()
                                && s.schemaFile()
                                        .path()
                                        .equals(event.schemaFile().path()))
                        .map(s -> s.compatibility())
                        .findFirst()
                        .orElse(topic.compatibility());
            }
        }
        return catalog.defaultCompatibility();
    }

    static List<Change> diff(List<FieldRow> before, List<FieldRow> after) {
        Map<String, FieldRow> was = new LinkedHashMap<>();
        before.forEach(f -> was.put(f.path(), f));
        Map<String, FieldRow> is = new LinkedHashMap<>();
        after.forEach(f -> is.put(f.path(), f));
        List<Change> changes = new ArrayList<>();
        for (FieldRow row : after) {
            FieldRow old = was.get(row.path());
            if (old == null) {
                changes.add(new Change("added", row.path(), "", describe(row)));
            } else if (!describe(old).equals(describe(row)) || !old.doc().equals(row.doc())) {
                String oldText = describe(old) + (old.doc().equals(row.doc()) ? "" : "; doc: " + old.doc());
                String newText = describe(row) + (old.doc().equals(row.doc()) ? "" : "; doc: " + row.doc());
                changes.add(new Change("changed", row.path(), oldText, newText));
            }
        }
        for (FieldRow row : before) {
            if (!is.containsKey(row.path())) {
                changes.add(new Change("removed", row.path(), describe(row), ""));
            }
        }
        return changes;
    }

    private static String describe(FieldRow row) {
        return row.type() + ", " + (row.required() ? "required" : "optional")
                + row.defaultValue().map(d -> ", default " + d).orElse("")
                + (row.symbols().isEmpty() ? "" : ", values " + String.join(" ", row.symbols()));
    }

    static List<String> findings(CompatibilityReport report) {
        return report.findings().stream().map(CompatibilityFinding::message).toList();
    }
}
