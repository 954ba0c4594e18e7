package io.github.eventcat.catalog;

import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code catalog.yaml} says, before any schema file is read; {@code document} is the whole
 * file with locations, for sections the loader leaves to other tools ({@code lint}).
 */
record Manifest(
        String javaPackage,
        CompatibilityLevel compatibility,
        SubjectNamingStrategy naming,
        Optional<String> description,
        List<TopicEntry> topics,
        SourceDocument document) {

    /** A topic as declared; {@code key} is empty when the manifest lacks it (already reported). */
    record TopicEntry(
            String name,
            String location,
            Optional<String> key,
            OptionalInt partitions,
            Optional<Duration> retention,
            SubjectNamingStrategy naming,
            CompatibilityLevel compatibility,
            Optional<String> description,
            List<EventEntry> events,
            String eventsLocation) {}

    /** One entry of a topic's {@code events} list. */
    record EventEntry(
            String path,
            String location,
            Optional<String> eventId,
            String eventIdLocation,
            List<ExampleEntry> examples) {}

    /** One path of an event entry's {@code examples} list, as written, with where it is written. */
    record ExampleEntry(String path, String location) {}
}
