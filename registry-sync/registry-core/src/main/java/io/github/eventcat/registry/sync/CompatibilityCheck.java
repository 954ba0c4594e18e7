package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.runtime.registry.CompatibilityResult;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the live registry whether each catalog subject's schema is compatible with what is
 * registered: {@code POST /compatibility/subjects/{s}/versions/latest?verbose=true}, or against
 * every version ({@code /versions}) for the {@code _TRANSITIVE} levels. Reads only. A subject that
 * does not exist yet passes; one whose catalog schema is already registered is unchanged (known
 * from the bulk read of latest schemas where the registry serves it, see {@link LatestRegistered},
 * else from a lookup). Every incompatible subject is reported, with the registry's messages.
 *
 * <p>The registry judges with the level it has for the subject; when that differs from the
 * catalog's, the check says so (the next sync sets the catalog's level before registering).
 */
final class CompatibilityCheck {
    private final SchemaRegistryClient client;
    private final int parallelism;
    private final boolean normalize;

    public CompatibilityCheck(SchemaRegistryClient client, int parallelism, boolean normalize) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.parallelism = Math.max(1, parallelism);
        this.normalize = normalize;
    }

    public CheckReport check(Catalog catalog) {
        return check(RegistrationForm.of(catalog).registrations());
    }

    public CheckReport check(List<SchemaRegistration> subjects) {
        Set<String> existing = new HashSet<>(client.subjects());
        Map<String, SchemaRegistration> byName = new ConcurrentHashMap<>();
        subjects.forEach(s -> byName.put(s.subject(), s));
        LatestRegistered latest = LatestRegistered.read(client, subjects, existing);
        Map<String, Optional<Integer>> referenceVersions = new ConcurrentHashMap<>();
        List<SubjectVerdict> checks = Parallel.map(
                subjects, parallelism, subject -> checkOne(subject, existing, byName, latest, referenceVersions));
        return new CheckReport(client.config().urls().toString(), checks);
    }

    private SubjectVerdict checkOne(
            SchemaRegistration subject,
            Set<String> existing,
            Map<String, SchemaRegistration> byName,
            LatestRegistered latest,
            Map<String, Optional<Integer>> referenceVersions) {
        if (!existing.contains(subject.subject())) {
            return new SubjectVerdict(subject, CheckVerdict.NEW_SUBJECT, List.of());
        }
        Map<String, Integer> versions = new java.util.HashMap<>();
        for (SubjectReference link : subject.references()) {
            Optional<Integer> version = referenceVersions.computeIfAbsent(
                    link.subject(), s -> registeredVersion(byName.get(s), existing, byName, latest, referenceVersions));
            if (version.isEmpty()) {
                return new SubjectVerdict(
                        subject,
                        CheckVerdict.NOT_CHECKED,
                        List.of("it references " + link.subject()
                                + ", whose catalog schema is not registered yet; that one is checked on its own"));
            }
            versions.put(link.subject(), version.get());
        }
        SchemaDefinition definition = Definitions.of(subject, versions);
        if (latest.versionOf(subject.subject(), definition).isPresent()
                || client.lookup(subject.subject(), definition, normalize).isPresent()) {
            return new SubjectVerdict(subject, CheckVerdict.UNCHANGED, List.of());
        }
        CompatibilityLevel wanted = subject.compatibility();
        CompatibilityResult result = wanted.isTransitive()
                ? client.testCompatibilityWithAll(subject.subject(), definition)
                : client.testCompatibility(subject.subject(), definition);
        List<String> notes = new ArrayList<>();
        Optional<CompatibilityLevel> registryLevel = latest.level(subject.subject(), client);
        if (registryLevel.isPresent() && registryLevel.get() != wanted) {
            notes.add("judged under the registry's level " + registryLevel.get() + ", the catalog wants " + wanted
                    + " (registry:sync sets it)");
        }
        if (result.compatible()) {
            return new SubjectVerdict(subject, CheckVerdict.COMPATIBLE, notes);
        }
        List<String> messages = new ArrayList<>(result.messages());
        if (messages.isEmpty()) {
            messages.add("the registry gave no reason");
        }
        messages.addAll(notes);
        return new SubjectVerdict(subject, CheckVerdict.INCOMPATIBLE, messages);
    }

    /** The version under which a referenced schema's catalog text is registered, if it is. */
    private Optional<Integer> registeredVersion(
            SchemaRegistration reference,
            Set<String> existing,
            Map<String, SchemaRegistration> byName,
            LatestRegistered latest,
            Map<String, Optional<Integer>> memo) {
        if (reference == null || !existing.contains(reference.subject())) {
            return Optional.empty();
        }
        Map<String, Integer> versions = new java.util.HashMap<>();
        for (SubjectReference link : reference.references()) {
            Optional<Integer> version = memo.get(link.subject());
            if (version == null) {
                version = registeredVersion(byName.get(link.subject()), existing, byName, latest, memo);
            }
            if (version.isEmpty()) {
                return Optional.empty();
            }
            versions.put(link.subject(), version.get());
        }
        SchemaDefinition definition = Definitions.of(reference, versions);
        OptionalInt latestVersion = latest.versionOf(reference.subject(), definition);
        if (latestVersion.isPresent()) {
            return Optional.of(latestVersion.getAsInt());
        }
        return client.lookup(reference.subject(), definition, normalize).map(RegisteredSchema::version);
    }
}
