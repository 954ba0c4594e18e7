package io.github.eventcat.cli;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogException;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Event;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.catalog.Topic;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Finds topics and events of a catalog by the names a user types, listing the valid ones on a miss. */
final class CatalogEvents {
    /** The codegen plugin's default catalog directory, relative to the working directory. */
    static final String DEFAULT_CATALOG = "src/main/catalog";

    private CatalogEvents() {}

    static Catalog load(String directory) {
        Path root = Path.of(directory);
        if (!Files.isDirectory(root)) {
            throw CliException.usage("--catalog " + directory + " is not a directory (the default is " + DEFAULT_CATALOG
                    + "): point --catalog to the directory that holds catalog.yaml");
        }
        try {
            return CatalogLoader.load(root);
        } catch (CatalogException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CliException(
                    ExitCode.INVALID_INPUT, e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }

    static Topic topic(Catalog catalog, String name) {
        return catalog.topic(name)
                .orElseThrow(() -> new CliException(
                        ExitCode.INVALID_INPUT,
                        "Topic '" + name + "' is not in the catalog " + catalog.source() + ". Topics: "
                                + catalog.topics().stream().map(Topic::name).collect(Collectors.joining(", "))));
    }

    /**
     * An event of the topic by its snake_case name ({@code ticket_opened}), record full name
     * ({@code com.example.repairshop.TicketOpened}), Java type name, or simple Java name.
     */
    static Event event(Topic topic, String name) {
        List<Event> matches = topic.events().stream()
                .filter(e -> e.name().equals(name)
                        || e.recordFullName().equals(name)
                        || e.javaTypeName().equals(name)
                        || e.javaSimpleName().equals(name))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new CliException(
                ExitCode.INVALID_INPUT,
                "Event '" + name + "' is " + (matches.isEmpty() ? "not" : "ambiguous")
                        + " on topic '" + topic.name() + "'. Events of the topic: "
                        + topic.events().stream()
                                .map(e -> e.name() + " (" + e.recordFullName() + ")")
                                .collect(Collectors.joining(", ")));
    }

    /** The value subject records of this event are written under. */
    static Subject valueSubject(Topic topic, Event event) {
        List<Subject> values = topic.subjects().stream().filter(s -> !s.key()).toList();
        return values.stream()
                .filter(s -> s.schemaFile().path().equals(event.schemaFile().path()))
                .findFirst()
                // TOPIC naming with several events: one subject, whose schema is the union of them all.
                .orElseGet(() -> values.stream()
                        .filter(s -> s.name().equals(topic.name() + "-value"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "topic " + topic.name() + " has no value subject for " + event.recordFullName())));
    }
}
