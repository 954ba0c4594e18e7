package io.github.eventcat.registry.sync;

/** How applying one subject's (or topic's) plan ended. */
enum OutcomeStatus {
    /** Everything planned was written. */
    APPLIED,
    /** Nothing to write. */
    UNCHANGED,
    /** A write failed; see the outcome's message. */
    FAILED,
    /** Not attempted because a schema it references failed. */
    SKIPPED
}
