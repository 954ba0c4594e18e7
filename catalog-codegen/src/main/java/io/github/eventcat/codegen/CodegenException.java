package io.github.eventcat.codegen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog is valid, but code cannot be generated from it (for example two schemas would
 * become the same Java class). Carries every problem found; nothing was written.
 */
public final class CodegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<CodegenProblem> problems;

    public CodegenException(List<CodegenProblem> problems) {
        super(render(problems));
        this.problems = problems.stream().sorted(CodegenProblem.ORDER).toList();
    }

    /** Every problem, by file and location. */
    public List<CodegenProblem> problems() {
        return problems;
    }

    private static String render(List<CodegenProblem> problems) {
        return "Cannot generate code from the catalog: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; fix "
                + (problems.size() == 1 ? "it" : "them") + " and generate again:\n"
                + problems.stream()
                        .sorted(CodegenProblem.ORDER)
                        .map(CodegenProblem::toString)
                        .collect(Collectors.joining("\n"));
    }
}
