package io.github.eventcat.catalog.registration;

/** Why a subject is registered. */
public enum SubjectRole {
    /** An event's subject, named by its topic's naming strategy. */
    EVENT,
    /** A schema other schemas reference, registered under its own subject first. */
    REFERENCE
}
