package io.github.eventcat.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Subject names must equal those of Confluent's serializers, or Confluent clients would look up
 * other subjects than the ones the catalog registers. Definitions (Confluent documentation,
 * "Schema Registry: Subject name strategy", and the strategies' source in
 * io.confluent.kafka.serializers.subject):
 *
 * <ul>
 *   <li>TopicNameStrategy (the default): "Derives subject name from topic name": {@code
 *       isKey ? topic + "-key" : topic + "-value"}.
 *   <li>RecordNameStrategy: "Derives subject name from record name": the fully-qualified record
 *       name (Avro {@code namespace.name}; JSON Schema: the {@code title}).
 *   <li>TopicRecordNameStrategy: "Derives the subject name from topic and record name, as a way to
 *       group logically related events that may have different data structures under a subject":
 *       {@code topic + "-" + fullyQualifiedRecordName}.
 * </ul>
 */
class SubjectNamingStrategyTest {

    @Test
    void topicNameStrategy() {
        assertThat(SubjectNamingStrategy.TOPIC.subjectName("tickets", "com.x.TicketOpened", false))
                .isEqualTo("tickets-value");
        assertThat(SubjectNamingStrategy.TOPIC.subjectName("tickets", "com.x.TicketOpened", true))
                .isEqualTo("tickets-key");
        assertThat(SubjectNamingStrategy.TOPIC.subjectName("order.placed", null, false))
                .isEqualTo("order.placed-value");
    }

    @Test
    void recordNameStrategy() {
        assertThat(SubjectNamingStrategy.RECORD.subjectName("tickets", "com.x.TicketOpened", false))
                .isEqualTo("com.x.TicketOpened");
        assertThat(SubjectNamingStrategy.RECORD.subjectName("tickets", "com.x.TicketOpened", true))
                .isEqualTo("com.x.TicketOpened");
        assertThat(SubjectNamingStrategy.RECORD.subjectName("task-events", "TaskEvent", false))
                .isEqualTo("TaskEvent");
    }

    @Test
    void topicRecordNameStrategy() {
        assertThat(SubjectNamingStrategy.TOPIC_RECORD.subjectName("tickets", "com.x.TicketOpened", false))
                .isEqualTo("tickets-com.x.TicketOpened");
        assertThat(SubjectNamingStrategy.TOPIC_RECORD.subjectName("tickets", "com.x.TicketOpened", true))
                .isEqualTo("tickets-com.x.TicketOpened");
    }

    @Test
    void recordStrategiesNeedARecordName() {
        assertThatThrownBy(() -> SubjectNamingStrategy.RECORD.subjectName("t", null, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("recordFullName == null");
    }

    @Test
    void parsesManifestSpellings() {
        assertThat(SubjectNamingStrategy.parse("TOPIC")).isEqualTo(SubjectNamingStrategy.TOPIC);
        assertThat(SubjectNamingStrategy.parse("record")).isEqualTo(SubjectNamingStrategy.RECORD);
        assertThat(SubjectNamingStrategy.parse("topic-record")).isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
        assertThat(SubjectNamingStrategy.parse(" Topic_Record ")).isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
        assertThatThrownBy(() -> SubjectNamingStrategy.parse("TopicNameStrategy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown subject naming strategy \"TopicNameStrategy\": use one of TOPIC, RECORD,"
                        + " TOPIC_RECORD");
    }

    @Test
    void parsesSerdeConfigShortNamesAndConfluentClassNames() {
        assertThat(SubjectNamingStrategy.fromConfig(null)).isEqualTo(SubjectNamingStrategy.TOPIC);
        assertThat(SubjectNamingStrategy.fromConfig(" ")).isEqualTo(SubjectNamingStrategy.TOPIC);
        assertThat(SubjectNamingStrategy.fromConfig("topic_record")).isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
        assertThat(SubjectNamingStrategy.fromConfig("RECORD")).isEqualTo(SubjectNamingStrategy.RECORD);
        assertThat(SubjectNamingStrategy.fromConfig("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
                .isEqualTo(SubjectNamingStrategy.TOPIC_RECORD);
        assertThat(SubjectNamingStrategy.fromConfig("io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .isEqualTo(SubjectNamingStrategy.TOPIC);
        assertThatThrownBy(() -> SubjectNamingStrategy.fromConfig("by_magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown subject name strategy 'by_magic': use topic, record or topic_record");
    }

    @Test
    void everyManifestSpellingIsAlsoAConfigValue() {
        for (SubjectNamingStrategy strategy : SubjectNamingStrategy.values()) {
            assertThat(SubjectNamingStrategy.fromConfig(strategy.name())).isEqualTo(strategy);
            assertThat(SubjectNamingStrategy.parse(strategy.name())).isEqualTo(strategy);
        }
    }
}
