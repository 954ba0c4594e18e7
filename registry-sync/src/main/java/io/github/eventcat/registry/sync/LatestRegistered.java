package io.github.eventcat.registry.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;

/**
 * The registry's latest schema of every subject, read in one request
 * ({@code GET /schemas?latestOnly=true}) where the registry serves it, so that subjects whose latest
 * schema already is the catalog's need no lookup. Empty when no catalog subject exists yet (nothing
 * to compare with, no request) or when the registry does not serve the bulk read (Apicurio 2.x).
 */
final class LatestRegistered {
    private final Map<String, RegisteredSchema> bySubject;

    private LatestRegistered(Map<String, RegisteredSchema> bySubject) {
        this.bySubject = bySubject;
    }

    static LatestRegistered read(SchemaRegistryClient client, List<RegistrySubject> subjects, Set<String> existing) {
        Map<String, RegisteredSchema> bySubject = new HashMap<>();
        if (subjects.stream().anyMatch(s -> existing.contains(s.name()))) {
            client.latestSchemas().ifPresent(latest -> latest.forEach(r -> bySubject.put(r.subject(), r)));
        }
        return new LatestRegistered(Map.copyOf(bySubject));
    }

    /**
     * The subject's latest version when it is known to be this definition (see
     * {@link DefinitionEquality}); empty when it is not, or not known: the caller then asks the
     * registry with a lookup.
     */
    OptionalInt versionOf(String subject, SchemaDefinition definition) {
        RegisteredSchema latest = bySubject.get(subject);
        return latest != null && DefinitionEquality.equalAsJson(latest.definition(), definition)
                ? OptionalInt.of(latest.version()) : OptionalInt.empty();
    }
}
