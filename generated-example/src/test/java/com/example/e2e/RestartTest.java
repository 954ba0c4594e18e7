package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A consumer stopped in the middle of a batch and a new one of the same group: nothing lost. */
@WithRealServers
class RestartTest {
    private static final int EVENTS = 60;
    private static final int HANDLED_BEFORE_STOP = 25;

    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "tickets");
        config = E2e.config(kafka, registry);
    }

    @Test
    void aConsumerClosedMidBatchAndRestartedHandlesEveryEventAtLeastOnce() throws Exception {
        List<UUID> sent = new java.util.ArrayList<>();
        try (TicketsProducer producer = new TicketsProducer(config)) {
            for (int i = 0; i < EVENTS; i++) {
                TicketOpened event = opened(UUID.randomUUID());
                producer.send(event);
                sent.add(event.getTicketId());
            }
            producer.flush();
        }
        Map<String, Object> group = E2e.consumerConfig(config, "restart");

        List<UUID> first = new CopyOnWriteArrayList<>();
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TicketsConsumer consumer = new TicketsConsumer(group, handler(id -> {
                    first.add(id);
                    if (first.size() == HANDLED_BEFORE_STOP) {
                        reached.countDown();
                        await(release); // the stop arrives while this batch still has records to go
                    }
                }))
                .start();
        assertThat(reached.await(E2e.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        consumer.wakeup();
        release.countDown();
        consumer.close();

        List<UUID> second = new CopyOnWriteArrayList<>();
        try (TicketsConsumer restarted = new TicketsConsumer(group, handler(second::add)).start()) {
            E2e.await("every event handled by one of the two consumers", () -> {
                Set<UUID> all = new HashSet<>(first);
                all.addAll(second);
                return all.containsAll(sent);
            });
        }

        assertThat(first).as("the first consumer stopped mid-batch").hasSize(HANDLED_BEFORE_STOP);
        Set<UUID> handled = new HashSet<>(first);
        handled.addAll(second);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(second)
                .as("what the first one finished was committed, so not handled again")
                .doesNotContainAnyElementsOf(first)
                .doesNotHaveDuplicates()
                .hasSize(EVENTS - HANDLED_BEFORE_STOP);
    }

    private static TicketsHandler handler(Consumer<UUID> onOpened) {
        return new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                onOpened.accept(event.getTicketId());
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {}
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(E2e.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TicketOpened opened(UUID ticket) {
        return TicketOpened.newBuilder()
                .setOccurredOn(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTicketId(ticket)
                .setRequester(Requester.newBuilder()
                        .setEmail("sam@example.com")
                        .setName("Sam")
                        .setSurname("Doe")
                        .setAge(52)
                        .build())
                .setRepairType(RepairType.windshield)
                .build();
    }
}
