package io.github.eventcat.catalog;

/** Which of the loader's rules a load enforces. */
public enum LoadRules {
    /** Every rule: the catalog is to become code and registry subjects. */
    ALL,
    /**
     * What a baseline needs to be compared against: its schemas, references and subjects. The rules
     * that only generated code needs — a topic key field's presence and type, Java type names, event
     * ids, examples that validate — are waived and reported as {@link Catalog#waivedProblems()}: a
     * catalog released before such a rule existed still loads as a baseline, and the gate compares
     * against it.
     */
    SCHEMAS_AND_SUBJECTS
}
