package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events sent in an aborted transaction are never seen by a {@code read_committed} consumer. */
@WithRealServers
class TransactionsTest {
    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "tickets");
        config = E2e.config(kafka, registry);
    }

    @Test
    void abortedSendsAreInvisibleToReadCommittedConsumers(EmbeddedKafka kafka) throws Exception {
        UUID ticket = UUID.randomUUID();
        TicketClosed committed1 = closed(ticket, 1);
        TicketClosed committed2 = closed(ticket, 2);
        TicketClosed aborted = closed(ticket, 3);
        TicketClosed committed3 = closed(ticket, 4);
        Map<String, Object> producerConfig = new java.util.HashMap<>(config);
        producerConfig.put("transactional.id", "ticketing-" + UUID.randomUUID());
        try (TicketsProducer producer = new TicketsProducer(producerConfig)) {
            assertThat(producer.isTransactional()).isTrue();
            producer.inTransaction(p -> {
                p.send(committed1);
                p.send(committed2);
            });
            assertThatThrownBy(() -> producer.inTransaction(p -> {
                        p.send(aborted);
                        p.flush(); // on the broker, so the abort has something to hide
                        throw new IllegalStateException("changed my mind");
                    }))
                    .hasMessage("changed my mind");
            producer.inTransaction(p -> p.send(committed3));
        }

        List<TicketClosed> seen = new CopyOnWriteArrayList<>();
        Map<String, Object> consumerConfig = E2e.consumerConfig(config, "read-committed");
        consumerConfig.put("isolation.level", "read_committed");
        TicketsHandler handler = new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {}

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                seen.add(event);
            }
        };
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, handler).start()) {
            // All four share a key, hence a partition: reaching the last one means passing the aborted one.
            E2e.await("the last committed event", () -> seen.contains(committed3));
        }

        assertThat(seen).containsExactly(committed1, committed2, committed3);
        assertThat(E2e.readAll(kafka, "tickets", "read_uncommitted"))
                .as("the aborted event was written, and only hidden")
                .hasSize(4);
        assertThat(E2e.readAll(kafka, "tickets", "read_committed")).hasSize(3);
    }

    private static TicketClosed closed(UUID ticket, int second) {
        return TicketClosed.newBuilder()
                .setTicketId(ticket)
                .setOccurredOn(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second))
                .build();
    }
}
