package io.github.eventcat.registry.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.eventcat.catalog.SchemaFormat;
import io.github.eventcat.runtime.registry.CompatibilityLevel;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaReference;
import io.github.eventcat.runtime.registry.SchemaType;

/** From catalog values to what the registry client sends. */
final class Definitions {
    private Definitions() {
    }

    /**
     * The schema as registered: the file's exact text and its references with their versions.
     *
     * @param referenceVersions registered version by subject, for every reference of the subject
     */
    static SchemaDefinition of(RegistrySubject subject, Map<String, Integer> referenceVersions) {
        List<SchemaReference> references = new ArrayList<>();
        for (ReferenceLink link : subject.references()) {
            Integer version = referenceVersions.get(link.subject());
            if (version == null) {
                throw new IllegalStateException("no version known for reference " + link.subject() + " of " + subject.name());
            }
            references.add(new SchemaReference(link.name(), link.subject(), version));
        }
        SchemaType type = subject.schemaFile().format() == SchemaFormat.AVRO ? SchemaType.AVRO : SchemaType.JSON;
        return new SchemaDefinition(subject.schemaFile().text(), type, references);
    }

    static CompatibilityLevel toRegistry(io.github.eventcat.catalog.CompatibilityLevel level) {
        return CompatibilityLevel.valueOf(level.name());
    }

    static io.github.eventcat.catalog.CompatibilityLevel fromRegistry(CompatibilityLevel level) {
        return io.github.eventcat.catalog.CompatibilityLevel.valueOf(level.name());
    }
}
