package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem found while loading, so that all are reported at once. */
final class Problems {
    private final Set<CatalogProblem> problems = new LinkedHashSet<>();

    void add(String file, String location, String message) {
        problems.add(new CatalogProblem(file, location, message));
    }

    /** Adds another collection's problems (one file's, found on another thread), in their order. */
    void addAll(Problems other) {
        problems.addAll(other.problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<CatalogProblem> sorted() {
        List<CatalogProblem> list = new ArrayList<>(problems);
        list.sort(CatalogProblem.ORDER);
        return list;
    }
}
