package io.github.eventcat.runtime.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.registry.RegisteredSchema;
import io.github.eventcat.runtime.registry.SchemaDefinition;
import io.github.eventcat.runtime.registry.SchemaRegistration;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.registry.SchemaRegistryException;
import io.github.eventcat.vocabulary.SubjectReference;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The serializers' way from an event's schema to a registered id, as {@link SerdeConfig} says. */
final class SchemaIdResolver {
    private static final ObjectMapper COMPARING = new ObjectMapper();
    private final SchemaRegistryClient client;
    private final SerdeConfig config;
    private final boolean isKey;

    SchemaIdResolver(SchemaRegistryClient client, SerdeConfig config, boolean isKey) {
        this.client = client;
        this.config = config;
        this.isKey = isKey;
    }

    String subject(String topic, String recordFullName) {
        return config.subjectNameStrategy().subjectName(topic, recordFullName, isKey);
    }

    /**
     * The registered schema to tag the record with; called once per (topic, schema), then cached by
     * the caller. {@code sameSchema} tells whether a registered schema is this one when the text
     * differs (whitespace, key order): used when the registry's own lookup compares text.
     */
    RegisteredSchema resolve(
            String topic, String eventName, SchemaDefinition schema, Predicate<SchemaDefinition> sameSchema) {
        String subject = subject(topic, eventName);
        try {
            if (config.useLatestVersion()) {
                return client.latestVersion(subject);
            }
            if (config.autoRegister()) {
                int id = client.register(subject, schema, config.normalize());
                return new RegisteredSchema(subject, -1, id, schema);
            }
            return find(subject, schema, sameSchema)
                    .orElseThrow(() -> new SchemaLookupException(
                            subject,
                            eventName,
                            "The schema of event " + eventName + " is not registered under subject " + subject + " at "
                                    + client.config().urls() + referencesNote(schema)
                                    + ": register the catalog first (mvn registry:sync), check the "
                                    + "subject naming strategy (" + config.subjectNameStrategy() + "), or set "
                                    + SerdeConfig.AUTO_REGISTER + "=true",
                            null));
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(
                    subject,
                    eventName,
                    "Could not get the schema id of event " + eventName + " under subject " + subject + ": "
                            + e.getMessage() + " — " + e.whatToCheck(),
                    e);
        }
    }

    /**
     * The catalog's registration form for the subject of {@code (topic, recordFullName)}, when the
     * configuration has one ({@link SerdeConfig#REGISTRATIONS}) and {@code use.latest.version} is off.
     */
    Optional<SchemaRegistration> registration(String topic, String recordFullName) {
        if (config.useLatestVersion()) {
            return Optional.empty(); // the subject's latest as it is: no form to register or look up
        }
        return Optional.ofNullable(config.registrations().get(subject(topic, recordFullName)));
    }

    /**
     * The registered event schema of a registration form, as {@code registry:sync} registers it:
     * every schema it references, dependencies first, under its own subject, then the event's
     * schema with references to those versions. Registered with {@code auto.register.schemas=true},
     * else looked up; either way the same text and references as sync, so the two never add
     * versions to each other's subjects.
     */
    RegisteredSchema resolve(String eventName, SchemaRegistration event) {
        Map<String, Integer> versions = new HashMap<>();
        for (SchemaRegistration reference : referencesInOrder(event)) {
            RegisteredSchema registered = registered(eventName, reference, reference.definition(versions), true);
            versions.put(reference.subject(), registered.version());
        }
        return registered(eventName, event, event.definition(versions), false);
    }

    private RegisteredSchema registered(
            String eventName, SchemaRegistration registration, SchemaDefinition definition, boolean reference) {
        String subject = registration.subject();
        String what = reference
                ? "schema " + subject + " that event " + eventName + " references"
                : "schema of event " + eventName;
        try {
            if (config.autoRegister()) {
                int id = client.register(subject, definition, config.normalize());
                if (!reference) {
                    return new RegisteredSchema(subject, -1, id, definition);
                }
                // A reference needs its version, which Confluent's register answer does not tell.
            }
            return find(subject, definition, candidate -> sameForm(candidate, definition))
                    .orElseThrow(() -> new SchemaLookupException(
                            subject,
                            eventName,
                            "The " + what + " is not registered under subject "
                                    + subject + " at " + client.config().urls() + referencesNote(definition)
                                    + ": register the catalog first (mvn registry:sync), or set "
                                    + SerdeConfig.AUTO_REGISTER
                                    + "=true",
                            null));
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(
                    subject,
                    eventName,
                    "Could not " + (config.autoRegister() ? "register" : "look up") + " the " + what + " under subject "
                            + subject + ": " + e.getMessage() + " — " + e.whatToCheck(),
                    e);
        }
    }

    /** What {@code event} references, directly or not, dependencies first (the form has no cycles). */
    private List<SchemaRegistration> referencesInOrder(SchemaRegistration event) {
        Set<SchemaRegistration> order = new LinkedHashSet<>();
        visit(event, order);
        order.remove(event);
        return List.copyOf(order);
    }

    private void visit(SchemaRegistration registration, Set<SchemaRegistration> order) {
        for (SubjectReference reference : registration.references()) {
            SchemaRegistration target =
                    config.registrations().get(reference.subject()); // SerdeConfig checked it is there
            if (!order.contains(target)) {
                visit(target, order);
            }
        }
        order.add(registration);
    }

    /** The same references and the same text, or the same JSON when only whitespace or key order differ. */
    private static boolean sameForm(SchemaDefinition registered, SchemaDefinition ours) {
        if (!new HashSet<>(registered.references()).equals(new HashSet<>(ours.references()))) {
            return false;
        }
        if (registered.schema().equals(ours.schema())) {
            return true;
        }
        try {
            return COMPARING.readTree(registered.schema()).equals(COMPARING.readTree(ours.schema()));
        } catch (IOException unparseable) {
            return false;
        }
    }

    /**
     * The registered version of a schema that an event's schema references ({@code name}: how it is
     * referenced), under {@code subject}: a registry reference must name it. Registered first when
     * {@code auto.register.schemas=true}.
     */
    RegisteredSchema resolveReference(
            String subject,
            String eventName,
            String name,
            SchemaDefinition schema,
            Predicate<SchemaDefinition> sameSchema) {
        try {
            if (config.autoRegister()) {
                client.register(subject, schema, config.normalize());
            }
            return find(subject, schema, sameSchema)
                    .orElseThrow(() -> new SchemaLookupException(
                            subject,
                            eventName,
                            "The schema " + name + " that event " + eventName
                                    + " references is not registered under subject "
                                    + subject + " at " + client.config().urls() + referencesNote(schema)
                                    + ": register the catalog first (mvn registry:sync), which registers a referenced schema under its"
                                    + " title, or set " + SerdeConfig.AUTO_REGISTER + "=true",
                            null));
        } catch (SchemaRegistryException e) {
            throw new SchemaLookupException(
                    subject,
                    eventName,
                    "Could not look up the schema " + name + " that event " + eventName + " references under subject "
                            + subject + ": " + e.getMessage() + " — " + e.whatToCheck(),
                    e);
        }
    }

    private Optional<RegisteredSchema> find(
            String subject, SchemaDefinition schema, Predicate<SchemaDefinition> sameSchema) {
        return client.lookup(subject, schema, config.normalize()).or(() -> findEquivalent(subject, schema, sameSchema));
    }

    private static String referencesNote(SchemaDefinition schema) {
        if (schema.references().isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder(" with references ");
        schema.references().forEach(r -> note.append(r.name())
                .append(" → ")
                .append(r.subject())
                .append(" v")
                .append(r.version())
                .append(", "));
        note.setLength(note.length() - 2);
        return note.toString();
    }

    /**
     * Confluent's lookup compares parsed schemas; Apicurio's (without canonical hashing) compares
     * text, so the catalog's pretty-printed file does not match the compact text of a generated
     * class. Looking through the subject's versions, newest first, finds it either way.
     */
    private Optional<RegisteredSchema> findEquivalent(
            String subject, SchemaDefinition schema, Predicate<SchemaDefinition> sameSchema) {
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
