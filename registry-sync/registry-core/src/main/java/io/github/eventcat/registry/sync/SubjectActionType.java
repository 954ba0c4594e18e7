package io.github.eventcat.registry.sync;

/** What a sync does with one subject; several may apply to one subject (compatibility first). */
enum SubjectActionType {
    /** The subject does not exist: its compatibility level is set, then its first version registered. */
    REGISTER_NEW_SUBJECT,
    /** The catalog's schema is not yet a version of the subject. */
    REGISTER_NEW_VERSION,
    /** The catalog's schema is already registered under the subject (as the registry compares schemas). */
    UNCHANGED,
    /** The subject's compatibility level differs from the catalog's (or is not set). */
    SET_COMPATIBILITY,
    /** In the registry but not in the catalog: reported, never deleted. */
    UNKNOWN_IN_REGISTRY
}
