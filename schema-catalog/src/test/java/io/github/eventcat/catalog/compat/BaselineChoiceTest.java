package io.github.eventcat.catalog.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineChoiceTest {
    private static final List<String> NAMES = List.of("released", "directory", "revision");

    @Test
    void exactlyOneBaselineIsChosen() {
        assertThat(BaselineChoice.exactlyOne("a:b:1.0", null, " ", NAMES)).isEqualTo(BaselineChoice.Kind.RELEASED);
        assertThat(BaselineChoice.exactlyOne(null, Path.of("old"), null, NAMES))
                .isEqualTo(BaselineChoice.Kind.DIRECTORY);
        assertThat(BaselineChoice.exactlyOne("", null, "v1", NAMES)).isEqualTo(BaselineChoice.Kind.GIT_REVISION);
    }

    @Test
    void noneOrSeveralSayHowManyAndNameTheSettingsInTheCallersTerms() {
        BaselineException none =
                catchThrowableOfType(BaselineException.class, () -> BaselineChoice.exactlyOne(null, null, null, NAMES));
        BaselineException two = catchThrowableOfType(
                BaselineException.class, () -> BaselineChoice.exactlyOne("a:b:1.0", Path.of("old"), null, NAMES));

        assertThat(none)
                .hasMessage("Set exactly one baseline to check the catalog against, not 0: released "
                        + "(groupId:artifactId:version or a range such as [1.0,1.3]), directory, or revision");
        assertThat(two).hasMessageContaining("not 2:");
    }
}
