package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.registration.RegistrationForm;
import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a {@link SyncPlan} from the catalog and the registry, reading only.
 *
 * <ol>
 *   <li>{@code GET /subjects}: which catalog subjects exist. A subject that does not exist costs no
 *       further request.
 *   <li>When any catalog subject exists, {@code GET /schemas?latestOnly=true}: the latest schema of
 *       every subject in one request (Confluent Schema Registry). Apicurio 2.x answers 404; its
 *       own export is then read instead, which also holds the subjects' levels
 *       ({@link ApicurioExport}). A registry serving neither is read per subject.
 *   <li>Per existing subject whose level the bulk read did not tell, {@code GET /config/{s}}: the
 *       Confluent API reads levels one subject at a time.
 *   <li>Per existing subject whose references do not change: when its latest schema is the
 *       catalog's (same type, same references, texts equal as JSON trees) it is unchanged at that
 *       version with no further request. Otherwise (no bulk list, subject missing from it, texts
 *       differ) one lookup {@code POST /subjects/{s}}, where the registry compares after its own
 *       normalization, so a schema equal to an older version is unchanged too.
 * </ol>
 *
 * An unchanged sync thus reads {@code 2 + N} times on a registry serving {@code GET /schemas}, 3
 * times on Apicurio 2.x (subjects, the 404, the export) and {@code 2 + 2N} times on one serving
 * neither (N existing subjects). Subjects of one reference depth are read in parallel.
 */
final class SyncPlanner {
    private final SchemaRegistryClient client;
    private final int parallelism;
    private final boolean normalize;

    public SyncPlanner(SchemaRegistryClient client, int parallelism, boolean normalize) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.parallelism = Math.max(1, parallelism);
        this.normalize = normalize;
    }

    public SyncPlan plan(Catalog catalog) {
        return plan(RegistrationForm.of(catalog).registrations());
    }

    public SyncPlan plan(List<SchemaRegistration> subjects) {
        Set<String> existing = new HashSet<>(client.subjects());
        LatestRegistered latest = LatestRegistered.read(client, subjects, existing);
        // Versions of subjects that stay unchanged: what references to them point at.
        Map<String, Integer> unchangedVersions = new ConcurrentHashMap<>();
        Set<String> changing = ConcurrentHashMap.newKeySet();
        List<SubjectPlan> plans = new ArrayList<>();
        for (List<SchemaRegistration> wave : byDepth(subjects).values()) {
            plans.addAll(Parallel.map(wave, parallelism, subject -> {
                SubjectPlan plan = planOne(subject, existing, latest, unchangedVersions, changing);
                if (plan.state() == SchemaState.UNCHANGED) {
                    unchangedVersions.put(
                            subject.subject(), plan.registeredVersion().getAsInt());
                } else {
                    changing.add(subject.subject());
                }
                return plan;
            }));
        }
        Set<String> unknown = new TreeSet<>(existing);
        subjects.forEach(s -> unknown.remove(s.subject()));
        return new SyncPlan(client.config().urls().toString(), plans, List.copyOf(unknown), List.of());
    }

    private SubjectPlan planOne(
            SchemaRegistration subject,
            Set<String> existing,
            LatestRegistered latest,
            Map<String, Integer> unchangedVersions,
            Set<String> changing) {
        if (!existing.contains(subject.subject())) {
            return new SubjectPlan(subject, SchemaState.NEW_SUBJECT, OptionalInt.empty(), Optional.empty());
        }
        Optional<CompatibilityLevel> level = latest.level(subject.subject(), client);
        boolean referenceChanges = subject.references().stream().anyMatch(r -> changing.contains(r.subject()));
        if (referenceChanges) {
            // A new version of a referenced schema means a new version pointing at it.
            return new SubjectPlan(subject, SchemaState.NEW_VERSION, OptionalInt.empty(), level);
        }
        SchemaDefinition definition = Definitions.of(subject, unchangedVersions);
        OptionalInt latestVersion = latest.versionOf(subject.subject(), definition);
        if (latestVersion.isPresent()) {
            return new SubjectPlan(subject, SchemaState.UNCHANGED, latestVersion, level);
        }
        Optional<RegisteredSchema> found = client.lookup(subject.subject(), definition, normalize);
        return found.map(r -> new SubjectPlan(subject, SchemaState.UNCHANGED, OptionalInt.of(r.version()), level))
                .orElseGet(() -> new SubjectPlan(subject, SchemaState.NEW_VERSION, OptionalInt.empty(), level));
    }

    static Map<Integer, List<SchemaRegistration>> byDepth(List<SchemaRegistration> subjects) {
        Map<Integer, List<SchemaRegistration>> waves = new TreeMap<>();
        subjects.forEach(
                s -> waves.computeIfAbsent(s.depth(), d -> new ArrayList<>()).add(s));
        return waves;
    }
}
