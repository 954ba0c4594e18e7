package io.github.eventcat.registry.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.SchemaReference;
import io.github.eventcat.catalog.Subject;

/**
 * Every subject a catalog puts in the registry, in registration order (references first).
 *
 * <p>A referenced schema is registered under its own subject named after the record it defines,
 * RECORD-style: the Avro full name ({@code com.example.orders.OrderLine}) or the JSON Schema
 * {@code title} ({@code TaskData}). That is the subject Confluent's own tools use for references,
 * it does not depend on which topic uses the schema, and a schema referenced from several files is
 * registered once. It gets the catalog's default compatibility level.
 */
final class RegistrySubjects {
    private RegistrySubjects() {
    }

    /**
     * @throws SubjectConflictException when two different schema files would be registered under
     *     one subject (e.g. a referenced schema whose record name is also an event's RECORD subject)
     */
    static List<RegistrySubject> fromCatalog(Catalog catalog) {
        Map<String, SchemaFile> fileBySubject = new TreeMap<>();
        Map<String, RegistrySubject> bySubject = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, Integer> depthByPath = new HashMap<>();
        for (Subject subject : catalog.subjects()) {
            for (SchemaFile referenced : catalog.referencesInRegistrationOrder(subject.schemaFile())) {
                String name = referenceSubjectName(catalog, referenced);
                add(bySubject, fileBySubject, conflicts, new RegistrySubject(name, SubjectRole.REFERENCE, referenced,
                        links(catalog, referenced), catalog.defaultCompatibility(), depth(catalog, referenced, depthByPath)));
            }
        }
        for (Subject subject : catalog.subjects()) {
            SchemaFile file = subject.schemaFile();
            RegistrySubject event = new RegistrySubject(subject.name(), SubjectRole.EVENT, file, links(catalog, file),
                    subject.compatibility(), depth(catalog, file, depthByPath));
            RegistrySubject reference = bySubject.get(subject.name());
            if (reference != null && reference.schemaFile().path().equals(file.path())) {
                bySubject.put(subject.name(), event); // the event's own level wins over the default
                continue;
            }
            add(bySubject, fileBySubject, conflicts, event);
        }
        if (!conflicts.isEmpty()) {
            throw new SubjectConflictException(conflicts);
        }
        List<RegistrySubject> ordered = new ArrayList<>(bySubject.values());
        ordered.sort(Comparator.comparingInt(RegistrySubject::depth).thenComparing(RegistrySubject::name));
        return List.copyOf(ordered);
    }

    /**
     * One subject and every subject it references, directly or not, in registration order.
     *
     * @throws IllegalArgumentException when {@code subjects} has no subject of that name
     */
    static List<RegistrySubject> withReferences(List<RegistrySubject> subjects, String name) {
        Map<String, RegistrySubject> byName = new HashMap<>();
        subjects.forEach(s -> byName.put(s.name(), s));
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("the catalog has no subject " + name);
        }
        java.util.Set<String> needed = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (needed.add(next)) {
                byName.get(next).references().forEach(r -> todo.push(r.subject()));
            }
        }
        return subjects.stream().filter(s -> needed.contains(s.name())).toList();
    }

    /** The subject a referenced schema file is registered under. */
    static String referenceSubjectName(Catalog catalog, SchemaFile file) {
        if (file.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(file);
            return isNamed(schema) ? schema.getFullName() : file.path();
        }
        String title = catalog.jsonSchema(file).path("title").asText("");
        return title.isBlank() ? file.path() : title;
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static void add(Map<String, RegistrySubject> bySubject, Map<String, SchemaFile> fileBySubject,
            List<String> conflicts, RegistrySubject subject) {
        SchemaFile known = fileBySubject.putIfAbsent(subject.name(), subject.schemaFile());
        if (known == null) {
            bySubject.put(subject.name(), subject);
        } else if (!known.path().equals(subject.schemaFile().path())) {
            conflicts.add("subject \"" + subject.name() + "\" would hold both " + known.path() + " and "
                    + subject.schemaFile().path());
        }
    }

    /** One link per referenced file (a file may be named several times, e.g. by several Avro types it defines). */
    private static List<ReferenceLink> links(Catalog catalog, SchemaFile file) {
        Map<String, ReferenceLink> byPath = new LinkedHashMap<>();
        for (SchemaReference reference : file.references()) {
            SchemaFile target = catalog.schemaFile(reference.path()).orElseThrow(
                    () -> new IllegalStateException("the catalog has no file " + reference.path()));
            String subject = referenceSubjectName(catalog, target);
            // Avro: the registry parses the referenced subject's schema, whose top-level name is the subject.
            String name = file.format() == SchemaFormat.AVRO ? subject : reference.name();
            byPath.putIfAbsent(reference.path(), new ReferenceLink(name, subject));
        }
        return List.copyOf(byPath.values());
    }

    private static int depth(Catalog catalog, SchemaFile file, Map<String, Integer> memo) {
        Integer known = memo.get(file.path());
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (SchemaReference reference : file.references()) {
            SchemaFile target = catalog.schemaFile(reference.path()).orElseThrow();
            depth = Math.max(depth, 1 + depth(catalog, target, memo)); // the catalog has no cycles
        }
        memo.put(file.path(), depth);
        return depth;
    }
}
