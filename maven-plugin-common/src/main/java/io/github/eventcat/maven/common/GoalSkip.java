package io.github.eventcat.maven.common;

import java.util.Optional;

/**
 * A goal is skipped by its own property ({@code registry.sync.skip}) or by its plugin's ({@code
 * registry.skip}); the log line names the one that did it.
 */
public final class GoalSkip {
    private GoalSkip() {}

    /**
     * @return the log line to print when the goal is skipped, or empty when it runs
     */
    public static Optional<String> reason(
            String goal, boolean goalSkip, String goalProperty, boolean pluginSkip, String pluginProperty) {
        if (goalSkip) {
            return Optional.of(goal + " skipped (" + goalProperty + ")");
        }
        if (pluginSkip) {
            return Optional.of(goal + " skipped (" + pluginProperty + ")");
        }
        return Optional.empty();
    }
}
