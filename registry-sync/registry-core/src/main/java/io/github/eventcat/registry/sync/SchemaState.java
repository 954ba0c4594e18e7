package io.github.eventcat.registry.sync;

/** How a subject's schema in the catalog relates to the registry. */
enum SchemaState {
    NEW_SUBJECT,
    NEW_VERSION,
    UNCHANGED
}
