package io.github.eventcat.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalog failed to load. Carries every problem found, not only the first; nothing of the
 * catalog is usable.
 */
public final class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<CatalogProblem> problems;

    public CatalogException(String source, List<CatalogProblem> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Where the catalog was loaded from (a directory or a jar entry). */
    public String source() {
        return source;
    }

    /** Every problem, in file and position order. */
    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String render(String source, List<CatalogProblem> problems) {
        return "The catalog at "
                + source
                + " has "
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + "; fix "
                + (problems.size() == 1 ? "it" : "them")
                + " and load it again:\n"
                + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n"));
    }
}
