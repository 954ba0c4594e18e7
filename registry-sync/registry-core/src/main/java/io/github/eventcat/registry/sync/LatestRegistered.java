package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the registry holds for every subject, read in bulk so that subjects already as the catalog
 * has them need no request of their own:
 * <ul>
 *   <li>Confluent's {@code GET /schemas?latestOnly=true}: the latest schema of every subject;
 *   <li>where that is not served, Apicurio 2.x's own export ({@link ApicurioExport}): the latest
 *       schemas and the subjects' compatibility levels.
 * </ul>
 * Empty when no catalog subject exists yet (nothing to compare with, no request) or when the
 * registry serves neither: the caller then asks per subject.
 */
final class LatestRegistered {
    private final Map<String, RegisteredSchema> bySubject;
    private final Map<String, CompatibilityLevel> levelBySubject;

    private LatestRegistered(Map<String, RegisteredSchema> bySubject, Map<String, CompatibilityLevel> levelBySubject) {
        this.bySubject = Map.copyOf(bySubject);
        this.levelBySubject = Map.copyOf(levelBySubject);
    }

    static LatestRegistered read(SchemaRegistryClient client, List<SchemaRegistration> subjects, Set<String> existing) {
        if (subjects.stream().noneMatch(s -> existing.contains(s.subject()))) {
            return new LatestRegistered(Map.of(), Map.of());
        }
        Optional<List<RegisteredSchema>> latest = client.latestSchemas();
        if (latest.isPresent()) {
            Map<String, RegisteredSchema> bySubject = new HashMap<>();
            latest.get().forEach(r -> bySubject.put(r.subject(), r));
            return new LatestRegistered(bySubject, Map.of());
        }
        return ApicurioExport.read(client.config())
                .map(export -> new LatestRegistered(export.latestBySubject(), export.levelBySubject()))
                .orElseGet(() -> new LatestRegistered(Map.of(), Map.of()));
    }

    /**
     * The subject's latest version when it is known to be this definition (see
     * {@link DefinitionEquality}); empty when it is not, or not known: the caller then asks the
     * registry with a lookup.
     */
    OptionalInt versionOf(String subject, SchemaDefinition definition) {
        RegisteredSchema latest = bySubject.get(subject);
        return latest != null && DefinitionEquality.equalAsJson(latest.definition(), definition)
                ? OptionalInt.of(latest.version())
                : OptionalInt.empty();
    }

    /**
     * The subject's compatibility level as {@code GET /config/{subject}} answers it, asking the
     * registry only when the bulk read did not tell it.
     */
    Optional<CompatibilityLevel> level(String subject, SchemaRegistryClient client) {
        CompatibilityLevel known = levelBySubject.get(subject);
        return known != null ? Optional.of(known) : client.subjectCompatibility(subject);
    }
}
