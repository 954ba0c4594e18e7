package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.DeadLetterHeaders;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record that cannot be read and an event whose handler keeps throwing both land on {@code
 * tickets.dlq} with their original bytes and the error in headers; the consumer moves on, and
 * nothing else is lost or handled twice.
 */
@WithRealServers
class DeadLetterTest {
    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "tickets");
        config = E2e.config(kafka, registry);
    }

    @Test
    void poisonAndFailingEventsGoToTheDeadLetterTopicAndTheRestIsHandledOnce(EmbeddedKafka kafka) throws Exception {
        UUID ticket = UUID.randomUUID();
        TicketOpened good = opened(ticket, RepairType.body);
        TicketOpened failing = opened(ticket, RepairType.bumper); // differs from good: the handler tells them apart
        TicketClosed after = TicketClosed.newBuilder()
                .setTicketId(ticket)
                .setOccurredOn(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        byte[] poison = "not a Confluent wire-format record".getBytes(StandardCharsets.UTF_8);

        RecordMetadata poisonAt;
        RecordMetadata failingAt;
        try (TicketsProducer producer = new TicketsProducer(config);
                KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(good).get(30, TimeUnit.SECONDS);
            poisonAt = raw.send(
                            new ProducerRecord<>("tickets", ticket.toString().getBytes(StandardCharsets.UTF_8), poison))
                    .get(30, TimeUnit.SECONDS);
            failingAt = producer.send(failing, Map.of("trace-id", "t-42")).get(30, TimeUnit.SECONDS);
            producer.send(after).get(30, TimeUnit.SECONDS);
        }

        List<Object> handled = new CopyOnWriteArrayList<>();
        List<Integer> failingAttempts = new CopyOnWriteArrayList<>();
        Map<String, Object> consumerConfig = E2e.consumerConfig(config, "dead-letters");
        consumerConfig.put("eventcat.consumer.retry.attempts", "3");
        consumerConfig.put("eventcat.consumer.retry.backoff.ms", "10");
        consumerConfig.put("eventcat.consumer.retry.backoff.max.ms", "40");
        TicketsHandler handler = new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                if (event.equals(failing)) {
                    failingAttempts.add(context.attempt());
                    throw new IllegalStateException("the workshop is closed today");
                }
                handled.add(event);
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                handled.add(event);
            }
        };
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, handler).start()) {
            E2e.await("the event after the failures handled", () -> handled.contains(after));
        }

        assertThat(handled).containsExactly(good, after);
        assertThat(failingAttempts).containsExactly(1, 2, 3);

        List<ConsumerRecord<byte[], byte[]>> dead = E2e.readAll(kafka, "tickets.dlq", "read_uncommitted");
        assertThat(dead).hasSize(2);
        ConsumerRecord<byte[], byte[]> unreadable = dead.get(0);
        assertThat(unreadable.value()).isEqualTo(poison);
        assertThat(new String(unreadable.key(), StandardCharsets.UTF_8)).isEqualTo(ticket.toString());
        assertThat(E2e.header(unreadable, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("tickets");
        assertThat(E2e.header(unreadable, DeadLetterHeaders.ORIGINAL_PARTITION))
                .isEqualTo(Integer.toString(poisonAt.partition()));
        assertThat(E2e.header(unreadable, DeadLetterHeaders.ORIGINAL_OFFSET))
                .isEqualTo(Long.toString(poisonAt.offset()));
        assertThat(E2e.header(unreadable, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(PoisonRecordException.class.getName());
        assertThat(E2e.header(unreadable, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        assertThat(Instant.parse(E2e.header(unreadable, DeadLetterHeaders.FAILED_AT)))
                .isAfter(Instant.EPOCH);

        ConsumerRecord<byte[], byte[]> failed = dead.get(1);
        assertThat(E2e.header(failed, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(Long.toString(failingAt.offset()));
        assertThat(E2e.header(failed, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(E2e.header(failed, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("the workshop is closed today");
        assertThat(E2e.header(failed, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(E2e.header(failed, "trace-id"))
                .as("the original headers travel along")
                .isEqualTo("t-42");
        List<ConsumerRecord<byte[], byte[]>> originals = E2e.readAll(kafka, "tickets", "read_uncommitted");
        assertThat(failed.value())
                .as("the original bytes")
                .isEqualTo(originals.stream()
                        .filter(r -> r.offset() == failingAt.offset() && r.partition() == failingAt.partition())
                        .findFirst()
                        .orElseThrow()
                        .value());

        // Everything was committed: a restarted consumer of the group would start after the last record.
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            (String) consumerConfig.get("group.id"))
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            assertThat(committed
                            .get(new TopicPartition("tickets", poisonAt.partition()))
                            .offset())
                    .isEqualTo(failingAt.offset() + 2);
        }
    }

    private static TicketOpened opened(UUID ticket, RepairType repair) {
        return TicketOpened.newBuilder()
                .setOccurredOn(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTicketId(ticket)
                .setRequester(Requester.newBuilder()
                        .setEmail("kim@example.com")
                        .setName("Kim")
                        .setSurname("Lee")
                        .setAge(30)
                        .build())
                .setRepairType(repair)
                .build();
    }
}
