package io.github.eventcat.codegen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.DateTimeType;
import io.github.eventcat.codegen.MoneyDetection;
import io.github.eventcat.codegen.light.engine.GenerateOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugin's options become the generator's configuration: the core's defaults for what is not set. */
class GenerateConfigurationTest {
    private static final Path OUT = Path.of("target/generated-sources/eventcat");

    @Test
    void nothingSetIsTheCoresDefaults() {
        assertThat(Generate.configuration(OUT, new GenerateOptions(null, null, List.of(), null, null, false)))
                .isEqualTo(CodegenConfiguration.defaults(OUT));
    }

    @Test
    void everyOptionSetOverridesItsDefault() {
        GenerateOptions options = new GenerateOptions(
                io.github.eventcat.codegen.light.engine.DateTimeType.OFFSET_DATE_TIME,
                false,
                List.of("money", "currency"),
                true,
                2,
                true);

        assertThat(Generate.configuration(OUT, options))
                .isEqualTo(new CodegenConfiguration(
                        OUT,
                        DateTimeType.OFFSET_DATE_TIME,
                        new MoneyDetection(false, Set.of("money", "currency"), true),
                        2,
                        true));
    }

    @Test
    void bothDateTimeTypesHaveTheSameConstants() {
        assertThat(List.of(io.github.eventcat.codegen.light.engine.DateTimeType.values()).stream()
                        .map(Enum::name))
                .containsExactlyElementsOf(
                        List.of(DateTimeType.values()).stream().map(Enum::name).toList());
    }
}
