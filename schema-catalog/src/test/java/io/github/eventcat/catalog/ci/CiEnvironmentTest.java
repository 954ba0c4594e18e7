package io.github.eventcat.catalog.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiEnvironmentTest {
    @Test
    void annotationsFollowGithubActionsUnlessTheUserChose() {
        CiEnvironment github = CiEnvironment.of(Map.of("GITHUB_ACTIONS", "true"));
        CiEnvironment local = CiEnvironment.of(Map.of());

        assertThat(github.githubAnnotations(null)).isTrue();
        assertThat(local.githubAnnotations(null)).isFalse();
        assertThat(github.githubAnnotations(false)).isFalse();
        assertThat(local.githubAnnotations(true)).isTrue();
    }

    @Test
    void theStepSummaryIsTheFileGithubNamesAndNoneWhenBlank() {
        assertThat(CiEnvironment.of(Map.of("GITHUB_STEP_SUMMARY", "/tmp/summary.md"))
                        .stepSummary())
                .hasValue(Path.of("/tmp/summary.md"));
        assertThat(CiEnvironment.of(Map.of("GITHUB_STEP_SUMMARY", " ")).stepSummary())
                .isEmpty();
        assertThat(CiEnvironment.of(Map.of()).stepSummary()).isEmpty();
    }
}
