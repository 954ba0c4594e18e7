package io.github.eventcat.registry.sync;

/** The registry's verdict on one subject of the catalog. */
enum CheckVerdict {
    /** The registry found the schema compatible with the registered version(s). */
    COMPATIBLE,
    /** Already registered as it is. */
    UNCHANGED,
    /** The subject does not exist yet: nothing to be compatible with; passes. */
    NEW_SUBJECT,
    /** A schema it references is new too: checked once that reference is registered; passes with a note. */
    NOT_CHECKED,
    /** The registry found the schema incompatible: fails the check. */
    INCOMPATIBLE
}
