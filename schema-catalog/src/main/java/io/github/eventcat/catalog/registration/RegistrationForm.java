package io.github.eventcat.catalog.registration;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.FileReference;
import io.github.eventcat.catalog.SchemaFile;
import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.catalog.Subject;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * Every subject a catalog puts in the registry, in registration order (references first): the one
 * answer to "what is this catalog event in a registry".
 *
 * <p>An event's subject is named by its topic's naming strategy and holds its file's exact text.
 * A referenced schema is registered under its own subject named after the record it defines,
 * RECORD-style: the Avro full name ({@code com.example.orders.OrderLine}) or the JSON Schema
 * {@code title} ({@code TaskData}). That is the subject Confluent's own tools use for references,
 * it does not depend on which topic uses the schema, and a schema referenced from several files is
 * registered once. It gets the catalog's default compatibility level.
 */
public final class RegistrationForm {
    private final List<SchemaRegistration> registrations;
    private final Map<String, SchemaRegistration> bySubject;

    private RegistrationForm(List<SchemaRegistration> registrations) {
        this.registrations = List.copyOf(registrations);
        Map<String, SchemaRegistration> index = new LinkedHashMap<>();
        registrations.forEach(r -> index.put(r.subject(), r));
        this.bySubject = index;
    }

    /**
     * @throws SubjectConflictException when two different schema files would be registered under
     *     one subject (e.g. a referenced schema whose record name is also an event's RECORD subject)
     */
    public static RegistrationForm of(Catalog catalog) {
        Map<String, String> pathBySubject = new TreeMap<>();
        Map<String, SchemaRegistration> bySubject = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, Integer> depthByPath = new HashMap<>();
        for (Subject subject : catalog.subjects()) {
            for (SchemaFile referenced : catalog.referencesInRegistrationOrder(subject.schemaFile())) {
                String name = referencedSubject(catalog, referenced);
                add(
                        bySubject,
                        pathBySubject,
                        conflicts,
                        registration(
                                catalog,
                                name,
                                SubjectRole.REFERENCE,
                                referenced,
                                catalog.defaultCompatibility(),
                                depthByPath));
            }
        }
        for (Subject subject : catalog.subjects()) {
            SchemaFile file = subject.schemaFile();
            SchemaRegistration event = registration(
                    catalog, subject.name(), SubjectRole.EVENT, file, subject.compatibility(), depthByPath);
            SchemaRegistration reference = bySubject.get(subject.name());
            if (reference != null && reference.path().equals(file.path())) {
                bySubject.put(subject.name(), event); // the event's own level wins over the default
                continue;
            }
            add(bySubject, pathBySubject, conflicts, event);
        }
        if (!conflicts.isEmpty()) {
            throw new SubjectConflictException(conflicts);
        }
        List<SchemaRegistration> ordered = new ArrayList<>(bySubject.values());
        ordered.sort(Comparator.comparingInt(SchemaRegistration::depth).thenComparing(SchemaRegistration::subject));
        return new RegistrationForm(ordered);
    }

    /** Every subject once, dependencies first (by depth, then subject name). */
    public List<SchemaRegistration> registrations() {
        return registrations;
    }

    public Optional<SchemaRegistration> registration(String subject) {
        return Optional.ofNullable(bySubject.get(subject));
    }

    /**
     * What registering one subject takes: the subjects it references, directly or not, dependencies
     * first, then the subject itself. Empty when the catalog has no such subject.
     */
    public List<SchemaRegistration> closure(String subject) {
        Set<String> order = new LinkedHashSet<>();
        if (bySubject.containsKey(subject)) {
            visit(subject, order);
        }
        return order.stream().map(bySubject::get).toList();
    }

    private void visit(String subject, Set<String> order) {
        if (order.contains(subject)) {
            return;
        }
        // The catalog has no cycles; every reference's subject is in the form.
        bySubject.get(subject).references().forEach(r -> visit(r.subject(), order));
        order.add(subject);
    }

    /** The subject a referenced schema file is registered under. */
    public static String referencedSubject(Catalog catalog, SchemaFile file) {
        if (file.format() == SchemaFormat.AVRO) {
            Schema schema = catalog.avroSchema(file);
            return isNamed(schema) ? schema.getFullName() : file.path();
        }
        String title = catalog.jsonSchema(file).path("title").asText("");
        return title.isBlank() ? file.path() : title;
    }

    private static SchemaRegistration registration(
            Catalog catalog,
            String subject,
            SubjectRole role,
            SchemaFile file,
            CompatibilityLevel level,
            Map<String, Integer> depthByPath) {
        return new SchemaRegistration(
                subject,
                role,
                file.path(),
                file.format(),
                file.text(),
                references(catalog, file),
                level,
                depth(catalog, file, depthByPath));
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static void add(
            Map<String, SchemaRegistration> bySubject,
            Map<String, String> pathBySubject,
            List<String> conflicts,
            SchemaRegistration registration) {
        String known = pathBySubject.putIfAbsent(registration.subject(), registration.path());
        if (known == null) {
            bySubject.put(registration.subject(), registration);
        } else if (!known.equals(registration.path())) {
            conflicts.add("subject \"" + registration.subject() + "\" would hold both " + known + " and "
                    + registration.path());
        }
    }

    /**
     * One reference per referenced file (a file may be named several times, e.g. by several Avro
     * types it defines).
     */
    private static List<SubjectReference> references(Catalog catalog, SchemaFile file) {
        Map<String, SubjectReference> byPath = new LinkedHashMap<>();
        for (FileReference reference : file.references()) {
            SchemaFile target = catalog.schemaFile(reference.path())
                    .orElseThrow(() -> new IllegalStateException("the catalog has no file " + reference.path()));
            String subject = referencedSubject(catalog, target);
            // Avro: the registry parses the referenced subject's schema, whose top-level name is the
            // subject.
            String name = file.format() == SchemaFormat.AVRO ? subject : reference.name();
            byPath.putIfAbsent(reference.path(), new SubjectReference(name, subject));
        }
        return List.copyOf(byPath.values());
    }

    private static int depth(Catalog catalog, SchemaFile file, Map<String, Integer> memo) {
        Integer known = memo.get(file.path());
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (FileReference reference : file.references()) {
            SchemaFile target = catalog.schemaFile(reference.path()).orElseThrow();
            depth = Math.max(depth, 1 + depth(catalog, target, memo)); // the catalog has no cycles
        }
        memo.put(file.path(), depth);
        return depth;
    }
}
