package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.vocabulary.SubjectReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies the subject part of a {@link SyncPlan}. Per subject: the compatibility level first (so
 * the first version of a new subject is already checked under it), then the registration. Subjects
 * of one reference depth are independent and written in parallel; a subject is written only after
 * every schema it references. A failure is recorded with the subject and the registry's message and
 * does not stop independent subjects; subjects referencing a failed one are not attempted.
 */
final class SyncExecutor {
    static final String INCOMPATIBLE = "the registry refused the schema as incompatible";

    private final SchemaRegistryClient client;
    private final int parallelism;
    private final boolean normalize;
    private final Consumer<String> log;

    public SyncExecutor(SchemaRegistryClient client, int parallelism, boolean normalize, Consumer<String> log) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.parallelism = Math.max(1, parallelism);
        this.normalize = normalize;
        this.log = Objects.requireNonNull(log, "log == null");
    }

    public List<SubjectOutcome> apply(SyncPlan plan) {
        Map<String, Integer> versions = new ConcurrentHashMap<>();
        Map<String, SubjectOutcome> failed = new ConcurrentHashMap<>();
        Set<String> referenced = plan.subjects().stream()
                .flatMap(p -> p.subject().references().stream())
                .map(SubjectReference::subject)
                .collect(Collectors.toSet());
        plan.subjects().forEach(p -> p.registeredVersion().ifPresent(v -> versions.put(p.name(), v)));
        Map<Integer, List<SubjectPlan>> waves = new java.util.TreeMap<>();
        plan.subjects().forEach(p -> waves.computeIfAbsent(p.subject().depth(), d -> new ArrayList<>())
                .add(p));
        List<SubjectOutcome> outcomes = new ArrayList<>();
        for (List<SubjectPlan> wave : waves.values()) {
            outcomes.addAll(Parallel.map(wave, parallelism, p -> {
                SubjectOutcome outcome = applyOne(p, versions, failed, referenced);
                if (outcome.failed()) {
                    failed.put(p.name(), outcome);
                }
                return outcome;
            }));
        }
        return outcomes;
    }

    private SubjectOutcome applyOne(
            SubjectPlan plan,
            Map<String, Integer> versions,
            Map<String, SubjectOutcome> failed,
            Set<String> referenced) {
        Optional<String> failedReference = plan.subject().references().stream()
                .map(SubjectReference::subject)
                .filter(failed::containsKey)
                .findFirst();
        if (failedReference.isPresent()) {
            return new SubjectOutcome(
                    plan,
                    OutcomeStatus.SKIPPED,
                    List.of(),
                    null,
                    OptionalInt.empty(),
                    "it references " + failedReference.get() + ", which was not registered");
        }
        List<SubjectActionType> done = new ArrayList<>();
        SubjectActionType current = null;
        try {
            if (plan.setsCompatibility()) {
                current = SubjectActionType.SET_COMPATIBILITY;
                client.setSubjectCompatibility(plan.name(), plan.subject().compatibility());
                done.add(current);
            }
            if (!plan.registers()) {
                log.accept("  " + plan.name() + ": " + (done.isEmpty() ? "unchanged" : done));
                return new SubjectOutcome(
                        plan,
                        done.isEmpty() ? OutcomeStatus.UNCHANGED : OutcomeStatus.APPLIED,
                        done,
                        null,
                        OptionalInt.empty(),
                        "");
            }
            current = plan.actions().get(plan.actions().size() - 1);
            SchemaDefinition definition = Definitions.of(plan.subject(), versions);
            int id = client.register(plan.name(), definition, normalize);
            done.add(current);
            if (referenced.contains(plan.name())) {
                // Schemas referencing this one need its version; Confluent's register answer has only the id.
                client.lookup(plan.name(), definition, normalize)
                        .ifPresent(r -> versions.put(plan.name(), r.version()));
            }
            log.accept("  " + plan.name() + ": " + done + " (id " + id + ")");
            return new SubjectOutcome(plan, OutcomeStatus.APPLIED, done, null, OptionalInt.of(id), "");
        } catch (SchemaRegistryException e) {
            String message = e.isIncompatible()
                    ? INCOMPATIBLE + " under " + plan.subject().compatibility() + ": "
                            + e.registryMessage()
                            + " — make the change compatible (e.g. give a new field a default) or "
                            + "register it under a new subject"
                    : FailureAdvice.describe(e);
            log.accept("  " + plan.name() + ": " + current + " FAILED: " + message);
            return new SubjectOutcome(plan, OutcomeStatus.FAILED, done, current, OptionalInt.empty(), message);
        }
    }
}
