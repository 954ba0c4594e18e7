package io.github.eventcat.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {
    @Test
    void namesSubjectsAsConfluentDoes() {
        assertThat(SubjectNameStrategy.TOPIC.subject("tickets", false, "shop.TicketOpened")).isEqualTo("tickets-value");
        assertThat(SubjectNameStrategy.TOPIC.subject("tickets", true, "shop.TicketId")).isEqualTo("tickets-key");
        assertThat(SubjectNameStrategy.RECORD.subject("tickets", false, "shop.TicketOpened")).isEqualTo("shop.TicketOpened");
        assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("tickets", false, "shop.TicketOpened"))
                .isEqualTo("tickets-shop.TicketOpened");
    }

    @Test
    void parsesShortNamesAndConfluentClassNames() {
        assertThat(SubjectNameStrategy.parse(null)).isEqualTo(SubjectNameStrategy.TOPIC);
        assertThat(SubjectNameStrategy.parse("topic_record")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
        assertThat(SubjectNameStrategy.parse("RECORD")).isEqualTo(SubjectNameStrategy.RECORD);
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
                .isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
        assertThatThrownBy(() -> SubjectNameStrategy.parse("by_magic"))
                .hasMessageContaining("by_magic").hasMessageContaining("topic, record or topic_record");
    }

    @Test
    void serdeConfigReadsKeyAndValueStrategiesAndEventTypes() {
        Map<String, Object> config = Map.of(
                "value.subject.name.strategy", "topic_record",
                "key.subject.name.strategy", "record",
                "auto.register.schemas", "true",
                "eventcat.event.types", "a.B=java.lang.String, c.D=java.lang.Integer");
        SerdeConfig value = SerdeConfig.from(config, false);
        assertThat(value.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
        assertThat(value.autoRegister()).isTrue();
        assertThat(value.validateJson()).isTrue();
        assertThat(value.eventTypes()).containsEntry("a.B", String.class).containsEntry("c.D", Integer.class);
        assertThat(SerdeConfig.from(config, true).subjectNameStrategy()).isEqualTo(SubjectNameStrategy.RECORD);
        assertThatThrownBy(() -> SerdeConfig.from(Map.of("auto.register.schemas", "yes"), false))
                .hasMessageContaining("auto.register.schemas=yes is not true or false");
    }
}
