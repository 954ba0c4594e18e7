package io.github.eventcat.catalog.ci;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CI system a build runs on offers, read from its environment: GitHub Actions reads
 * {@code ::error} workflow commands from the output ({@code GITHUB_ACTIONS=true}) and shows a
 * Markdown step summary appended to the file {@code GITHUB_STEP_SUMMARY} names. One reading for
 * every goal that reports (the compatibility gate, the lint).
 */
public final class CiEnvironment {
    static final String GITHUB_ACTIONS = "GITHUB_ACTIONS";
    static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private final Map<String, String> environment;

    private CiEnvironment(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment == null");
    }

    /** The process environment. */
    public static CiEnvironment current() {
        return of(System.getenv());
    }

    public static CiEnvironment of(Map<String, String> environment) {
        return new CiEnvironment(environment);
    }

    /**
     * Whether to print GitHub Actions annotations.
     *
     * @param configured the user's choice, or {@code null} for "when running on GitHub Actions"
     */
    public boolean githubAnnotations(Boolean configured) {
        return configured != null ? configured : "true".equals(environment.get(GITHUB_ACTIONS));
    }

    /** The step summary file to append a Markdown report to, when the CI offers one. */
    public Optional<Path> stepSummary() {
        return Optional.ofNullable(environment.get(GITHUB_STEP_SUMMARY))
                .filter(value -> !value.isBlank())
                .map(Path::of);
    }
}
