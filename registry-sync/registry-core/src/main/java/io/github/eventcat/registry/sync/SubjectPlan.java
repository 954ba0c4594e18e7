package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.registration.SchemaRegistration;
import io.github.eventcat.vocabulary.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a sync will do with one subject.
 *
 * @param subject the subject and its schema
 * @param state new subject, new version or unchanged
 * @param registeredVersion the version holding the catalog's schema, when unchanged
 * @param currentLevel the subject's level in the registry; empty when it has none or does not exist
 */
record SubjectPlan(
        SchemaRegistration subject,
        SchemaState state,
        OptionalInt registeredVersion,
        Optional<CompatibilityLevel> currentLevel) {
    public SubjectPlan {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(registeredVersion, "registeredVersion == null");
        Objects.requireNonNull(currentLevel, "currentLevel == null");
    }

    public String name() {
        return subject.subject();
    }

    public boolean setsCompatibility() {
        return currentLevel.isEmpty() || currentLevel.get() != subject.compatibility();
    }

    public boolean registers() {
        return state != SchemaState.UNCHANGED;
    }

    /** The actions in the order they are applied. */
    public List<SubjectActionType> actions() {
        List<SubjectActionType> actions = new ArrayList<>();
        if (setsCompatibility()) {
            actions.add(SubjectActionType.SET_COMPATIBILITY);
        }
        actions.add(
                switch (state) {
                    case NEW_SUBJECT -> SubjectActionType.REGISTER_NEW_SUBJECT;
                    case NEW_VERSION -> SubjectActionType.REGISTER_NEW_VERSION;
                    case UNCHANGED -> SubjectActionType.UNCHANGED;
                });
        return actions;
    }

    /** HTTP writes the plan makes for this subject. */
    public int writes() {
        return (setsCompatibility() ? 1 : 0) + (registers() ? 1 : 0);
    }
}
