package io.github.eventcat.maven.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.maven.common.PropertyNames.Registry;
import org.junit.jupiter.api.Test;

class GoalSkipTest {
    @Test
    void theGoalsOwnSkipIsNamedFirst() {
        assertThat(GoalSkip.reason("registry:sync", true, Registry.SYNC_SKIP, true, Registry.SKIP))
                .hasValue("registry:sync skipped (registry.sync.skip)");
    }

    @Test
    void thePluginsSkipSkipsEveryGoal() {
        assertThat(GoalSkip.reason("registry:pull", false, Registry.PULL_SKIP, true, Registry.SKIP))
                .hasValue("registry:pull skipped (registry.skip)");
    }

    @Test
    void withoutASkipTheGoalRuns() {
        assertThat(GoalSkip.reason("registry:check", false, Registry.CHECK_SKIP, false, Registry.SKIP))
                .isEmpty();
    }
}
