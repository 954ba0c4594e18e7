package io.github.eventcat.registry.sync;

import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import java.util.Map;

/** From catalog values to what the registry client sends. */
final class Definitions {
    private Definitions() {}

    /**
     * The schema as registered: the file's exact text and its references with their versions, bound
     * as the generated producers bind them (the runtime's {@link SchemaRegistration#definition}).
     *
     * @param referenceVersions registered version by subject, for every reference of the subject
     */
    static SchemaDefinition of(
            io.github.eventcat.catalog.registration.SchemaRegistration subject,
            Map<String, Integer> referenceVersions) {
        return toRuntime(subject).definition(referenceVersions);
    }

    /** The catalog's form of a subject in the runtime's terms (what codegen writes as constants). */
    static SchemaRegistration toRuntime(io.github.eventcat.catalog.registration.SchemaRegistration subject) {
        return new SchemaRegistration(
                subject.subject(), subject.format().registryType(), subject.text(), subject.references());
    }
}
