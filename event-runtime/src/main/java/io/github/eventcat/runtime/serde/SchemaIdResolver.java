package io.github.eventcat.runtime.serde;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;

/** The serializers' way from an event's schema to a registered id, as {@link SerdeConfig} says. */
final class SchemaIdResolver {
    private final SchemaRegistryClient client;
    private final SerdeConfig config;
    private final boolean isKey;

    SchemaIdResolver(SchemaRegistryClient client, SerdeConfig config, boolean isKey) {
        this.client = client;
        this.config = config;
        this.isKey = isKey;
    }

    String subject(String topic, String recordFullName) {
        return config.subjectNameStrategy().subject(topic, isKey, recordFullName);
    }

    /**
     * The registered schema to tag the record with; called once per (topic, schema), then cached by
     * the caller. {@code sameSchema} tells whether a registered schema is this one when the text
     * differs (whitespace, key order): used when the registry's own lookup compares text.
     */
    RegisteredSchema resolve(String topic, String eventName, SchemaDefinition schema, Predicate<SchemaDefinition> sameSchema) {
        String subject = subject(topic, eventName);
        try {
            if (config.useLatestVersion()) {
                return client.latestVersion(subject);
            }
            if (config.autoRegister()) {
                int id = client.register(subject, schema, config.normalize());
                return new RegisteredSchema(subject, -1, id, schema);
            }
            return find(subject, schema, sameSchema).orElseThrow(() -> new SchemaLookupException(
                    subject, eventName,
                    "The schema of event " + eventName + " is not registered under subject " + subject + " at "
                            + client.config().urls() + referencesNote(schema) + ": register the catalog first (mvn registry:sync), check the "
                            + "subject naming strategy (" + config.subjectNameStrategy() + "), or set "
                            + SerdeConfig.AUTO_REGISTER + "=true",
                    null));
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(subject, eventName,
                    "Could not get the schema id of event " + eventName + " under subject " + subject + ": " + e.getMessage()
                            + " — " + e.whatToCheck(), e);
        }
    }

    /**
     * The registered version of a schema that an event's schema references ({@code name}: how it is
     * referenced), under {@code subject}: a registry reference must name it. Registered first when
     * {@code auto.register.schemas=true}.
     */
    RegisteredSchema resolveReference(String subject, String eventName, String name, SchemaDefinition schema,
            Predicate<SchemaDefinition> sameSchema) {
        try {
            if (config.autoRegister()) {
                client.register(subject, schema, config.normalize());
            }
            return find(subject, schema, sameSchema).orElseThrow(() -> new SchemaLookupException(
                    subject, eventName,
                    "The schema " + name + " that event " + eventName + " references is not registered under subject "
                            + subject + " at " + client.config().urls() + referencesNote(schema)
                            + ": register the catalog first (mvn registry:sync), which registers a referenced schema under its"
                            + " title, or set " + SerdeConfig.AUTO_REGISTER + "=true",
                    null));
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(subject, eventName,
                    "Could not look up the schema " + name + " that event " + eventName + " references under subject "
                            + subject + ": " + e.getMessage() + " — " + e.whatToCheck(), e);
        }
    }

    private Optional<RegisteredSchema> find(String subject, SchemaDefinition schema, Predicate<SchemaDefinition> sameSchema) {
        return client.lookup(subject, schema, config.normalize())
                .or(() -> findEquivalent(subject, schema, sameSchema));
    }

    private static String referencesNote(SchemaDefinition schema) {
        if (schema.references().isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder(" with references ");
        schema.references().forEach(r -> note.append(r.name()).append(" → ").append(r.subject()).append(" v")
                .append(r.version()).append(", "));
        note.setLength(note.length() - 2);
        return note.toString();
    }

    /**
     * Confluent's lookup compares parsed schemas; Apicurio's (without canonical hashing) compares
     * text, so the catalog's pretty-printed file does not match the compact text of a generated
     * class. Looking through the subject's versions, newest first, finds it either way.
     */
    private Optional<RegisteredSchema> findEquivalent(String subject, SchemaDefinition schema,
            Predicate<SchemaDefinition> sameSchema) {
        List<Integer> versions;
        try {
            versions = client.versions(subject);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            RegisteredSchema candidate = client.version(subject, versions.get(i));
            if (candidate.definition().type() == schema.type() && sameSchema.test(candidate.definition())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    SchemaRegistryClient client() {
        return client;
    }
}
