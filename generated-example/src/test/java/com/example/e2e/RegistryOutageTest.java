package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.ConsumerHealth;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.TcpForwarder;
import io.github.eventcat.testservers.WithRealServers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §2 as a service sees it: a generated {@code TicketsConsumer} whose registry is down, or
 * configured with a wrong path, dead-letters nothing and commits nothing; once the registry
 * answers, every event is handled, in order.
 */
@WithRealServers
class RegistryOutageTest {
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "tickets");
        config = E2e.config(kafka, registry);
    }

    @Test
    void aRegistryThatIsDownDeadLettersNothingAndEveryEventIsHandledOnceItIsBack() throws Exception {
        UUID ticket = UUID.randomUUID();
        List<Object> sent = send(ticket);
        try (TcpForwarder registryPort = TcpForwarder.start("127.0.0.1", registry.port())) {
            registryPort.stop(); // down from the start
            List<Object> handled = new CopyOnWriteArrayList<>();
            Map<String, Object> consumerConfig =
                    consumerConfig("http://127.0.0.1:" + registryPort.port() + "/apis/ccompat/v7");
            try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, recorder(handled)).start()) {
                Thread.sleep(2_500); // long enough for the old behaviour: every event in tickets.dlq
                assertThat(handled).isEmpty();
                assertThat(committed(consumerConfig))
                        .as("nothing committed while down")
                        .isEmpty();
                assertThat(consumer.failure()).isEmpty();
                assertThat(consumer.health().status()).isEqualTo(ConsumerHealth.Status.PAUSED);
                assertThat(consumer.health().reason()).contains("127.0.0.1:" + registryPort.port());

                registryPort.restart();
                E2e.await("every event handled once the registry is back", () -> handled.size() == sent.size());
                E2e.await("running again", () -> consumer.health().status() == ConsumerHealth.Status.RUNNING);
            }
            assertThat(handled).containsExactlyElementsOf(sent);
            assertThat(committed(consumerConfig).values())
                    .extracting(OffsetAndMetadata::offset)
                    .containsExactly((long) sent.size());
        }
        assertThat(E2e.readAll(kafka, "tickets.dlq", "read_uncommitted")).isEmpty();
    }

    @Test
    void aRegistryUrlWithAWrongPathDeadLettersNothingAndCommitsNothing() throws Exception {
        send(UUID.randomUUID());
        List<Object> handled = new CopyOnWriteArrayList<>();
        // Apicurio's root instead of its Confluent API base (…/apis/ccompat/v7): every request is a 404.
        Map<String, Object> consumerConfig = consumerConfig("http://127.0.0.1:" + registry.port());
        try (TicketsConsumer consumer = new TicketsConsumer(consumerConfig, recorder(handled)).start()) {
            Thread.sleep(2_500);
            assertThat(handled).isEmpty();
            assertThat(consumer.failure()).isEmpty();
            assertThat(consumer.health().status()).isEqualTo(ConsumerHealth.Status.PAUSED);
            assertThat(consumer.health().reason()).contains("the URL path looks wrong");
        }
        assertThat(committed(consumerConfig)).isEmpty();
        assertThat(E2e.readAll(kafka, "tickets.dlq", "read_uncommitted")).isEmpty();
    }

    private List<Object> send(UUID ticket) throws Exception {
        TicketOpened opened = TicketOpened.newBuilder()
                .setOccurredOn(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTicketId(ticket)
                .setRequester(Requester.newBuilder()
                        .setEmail("kim@example.com")
                        .setName("Kim")
                        .setSurname("Lee")
                        .setAge(30)
                        .build())
                .setRepairType(RepairType.body)
                .build();
        TicketClosed closed = TicketClosed.newBuilder()
                .setTicketId(ticket)
                .setOccurredOn(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        try (TicketsProducer producer = new TicketsProducer(config)) {
            producer.send(opened).get(30, TimeUnit.SECONDS);
            producer.send(closed).get(30, TimeUnit.SECONDS);
        }
        return List.of(opened, closed);
    }

    private Map<String, Object> consumerConfig(String registryUrl) {
        Map<String, Object> consumerConfig = E2e.consumerConfig(config, "registry-outage");
        consumerConfig.put("schema.registry.url", registryUrl);
        consumerConfig.put("max.retries", "0");
        consumerConfig.put("eventcat.consumer.retry.backoff.ms", "10");
        consumerConfig.put("eventcat.consumer.pause.backoff.ms", "100");
        consumerConfig.put("eventcat.consumer.pause.backoff.max.ms", "300");
        return consumerConfig;
    }

    private static TicketsHandler recorder(List<Object> handled) {
        return new TicketsHandler() {
            @Override
            public void onTicketOpened(TicketOpened event, EventContext context) {
                handled.add(event);
            }

            @Override
            public void onTicketClosed(TicketClosed event, EventContext context) {
                handled.add(event);
            }
        };
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(Map<String, Object> consumerConfig) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    new java.util.HashMap<>(admin.listConsumerGroupOffsets((String) consumerConfig.get("group.id"))
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS));
            offsets.values().removeIf(java.util.Objects::isNull);
            return offsets;
        }
    }
}
