package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.vocabulary.SubjectNamingStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serdes' configuration as Kafka hands it over (subject naming itself: event-vocabulary's tests). */
class SerdeConfigTest {
    @Test
    void serdeConfigReadsKeyAndValueStrategiesAndEventTypes() {
        Map<String, Object> config = Map.of(
                "value.subject.name.strategy", "topic_record",
                "key.subject.name.strategy", "record",
                "auto.register.schemas", "true",
                "eventcat.event.types", "a.B=java.lang.String, c.D=java.lang.Integer");
        SerdeConfig value = SerdeConfig.from(config, false);
        assertThat(value.subjectNameStrategy()).isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
        assertThat(value.autoRegister()).isTrue();
        assertThat(value.validateJson()).isTrue();
        assertThat(value.eventTypes()).containsEntry("a.B", String.class).containsEntry("c.D", Integer.class);
        assertThat(SerdeConfig.from(config, true).subjectNameStrategy()).isEqualTo(SubjectNamingStrategy.RECORD);
        assertThatThrownBy(() -> SerdeConfig.from(Map.of("auto.register.schemas", "yes"), false))
                .hasMessageContaining("auto.register.schemas=yes is not true or false");
    }

    @Test
    void aLaterConfigureKeepsTheTypesTheSerdeWasBuiltWithUnlessItNamesItsOwn() {
        SerdeConfig built = new SerdeConfig(
                false,
                false,
                false,
                SubjectNamingStrategy.TOPIC,
                true,
                true,
                false,
                Map.of("a.B", String.class),
                Long.class);
        SerdeConfig configured =
                SerdeConfig.from(Map.of("auto.register.schemas", "true"), false).withTypesOf(built);
        assertThat(configured.autoRegister()).isTrue();
        assertThat(configured.eventTypes()).containsExactly(Map.entry("a.B", String.class));
        assertThat(configured.jsonType()).isEqualTo(Long.class);

        SerdeConfig own = SerdeConfig.from(
                        Map.of("eventcat.event.types", "c.D=java.lang.Integer", "json.value.type", "java.lang.Integer"),
                        false)
                .withTypesOf(built);
        assertThat(own.eventTypes()).containsExactly(Map.entry("c.D", Integer.class));
        assertThat(own.jsonType()).isEqualTo(Integer.class);

        assertThat(SerdeConfig.defaults().withTypesOf(null)).isEqualTo(SerdeConfig.defaults());
    }
}
