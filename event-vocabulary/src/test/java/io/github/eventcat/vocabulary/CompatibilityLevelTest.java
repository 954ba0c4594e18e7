package io.github.eventcat.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Confluent's level names, as a catalog writes them and as a registry answers them. */
class CompatibilityLevelTest {
    @Test
    void parsesCatalogAndRegistrySpellings() {
        assertThat(CompatibilityLevel.parse("BACKWARD_TRANSITIVE")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" full-transitive ")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("none")).isEqualTo(CompatibilityLevel.NONE);
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(CompatibilityLevel.parse(level.name())).isEqualTo(level);
        }
    }

    @Test
    void refusesUnknownLevelsNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compatibility level \"SIDEWAYS\": use one of NONE, BACKWARD, BACKWARD_TRANSITIVE,"
                        + " FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
    }

    @Test
    void saysWhatEachLevelChecks() {
        assertThat(CompatibilityLevel.NONE.checksBackward() || CompatibilityLevel.NONE.checksForward())
                .isFalse();
        assertThat(CompatibilityLevel.BACKWARD.checksBackward()).isTrue();
        assertThat(CompatibilityLevel.BACKWARD.checksForward()).isFalse();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.checksForward()).isTrue();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.isTransitive()).isTrue();
        assertThat(CompatibilityLevel.FULL.checksBackward() && CompatibilityLevel.FULL.checksForward())
                .isTrue();
        assertThat(CompatibilityLevel.FULL.isTransitive()).isFalse();
    }
}
