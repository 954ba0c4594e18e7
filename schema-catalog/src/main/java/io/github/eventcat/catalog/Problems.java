package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem found while loading, so that all are reported at once. */
final class Problems {
    private final LoadRules rules;
    private final Set<CatalogProblem> problems = new LinkedHashSet<>();
    private final Set<CatalogProblem> waived = new LinkedHashSet<>();

    /** Problems of a load that enforces every rule. */
    Problems() {
        this(LoadRules.ALL);
    }

    Problems(LoadRules rules) {
        this.rules = rules;
    }

    void add(String file, String location, String message) {
        problems.add(new CatalogProblem(file, location, message));
    }

    /**
     * Reports a broken code rule: a rule that only the generated code needs (a key field's type, a
     * Java type name, an event id, an example), not what the catalog's schemas and subjects are.
     * Under {@link LoadRules#SCHEMAS_AND_SUBJECTS} it is waived: kept for {@link #waived()}, and the
     * caller carries on as if the rule held.
     *
     * @return whether the rule is enforced: the caller then leaves the item out, as for any problem
     */
    boolean codeRule(String file, String location, String message) {
        CatalogProblem problem = new CatalogProblem(file, location, message);
        if (rules == LoadRules.SCHEMAS_AND_SUBJECTS) {
            waived.add(problem);
            return false;
        }
        problems.add(problem);
        return true;
    }

    /** Whether {@link #codeRule} enforces the rules it reports (false: it waives them). */
    boolean enforcesCodeRules() {
        return rules == LoadRules.ALL;
    }

    /** Adds another collection's problems (one file's, found on another thread), in their order. */
    void addAll(Problems other) {
        problems.addAll(other.problems);
        waived.addAll(other.waived);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<CatalogProblem> sorted() {
        return sorted(problems);
    }

    /** The code rules broken but waived, in the order problems are reported. */
    List<CatalogProblem> waived() {
        return sorted(waived);
    }

    private static List<CatalogProblem> sorted(Set<CatalogProblem> set) {
        List<CatalogProblem> list = new ArrayList<>(set);
        list.sort(CatalogProblem.ORDER);
        return List.copyOf(list);
    }
}
