package io.github.eventcat.registry.sync;

/** Why a subject is registered. */
enum SubjectRole {
    /** An event's subject, named by its topic's naming strategy. */
    EVENT,
    /** A schema other schemas reference, registered under its own subject first. */
    REFERENCE
}
