package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Passage;
import com.example.app.Passage.Direction;
import com.example.app.RepairShop;
import com.example.app.RepairShop.TicketState;
import com.example.repairshop.AppointmentBooked;
import com.example.repairshop.PaymentRegistered;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The car repair shop on the real broker and registry: ticketing opens a ticket → the secretary
 * books an appointment → the cash desk registers a payment → ticketing closes the ticket.
 */
@WithRealServers
class RepairShopFlowTest {
    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "tickets", "appointments", "payments");
        config = E2e.config(kafka, registry);
    }

    @Test
    void everyTicketGoesThroughTheFourStepsKeyedAndPartitionedByItsId() throws Exception {
        List<Passage> journal = Collections.synchronizedList(new ArrayList<>());
        List<UUID> tickets = new ArrayList<>();
        Requester ada = Requester.newBuilder()
                .setEmail("ada@example.com")
                .setName("Ada")
                .setMiddlename("King")
                .setSurname("Lovelace")
                .setAge(36)
                .build();
        Requester alan = Requester.newBuilder()
                .setEmail("alan@example.com")
                .setName("Alan")
                .setSurname("Turing")
                .setAge(41)
                .build();
        String group = "flow-" + UUID.randomUUID() + "-";
        try (RepairShop shop = new RepairShop(config, group, journal::add)) {
            tickets.add(shop.openTicket(ada, RepairType.windshield));
            tickets.add(shop.openTicket(alan, RepairType.bumper));
            tickets.add(shop.openTicket(ada, RepairType.body));
            tickets.add(shop.openTicket(alan, RepairType.windshield));
            for (UUID ticket : tickets) {
                assertThat(shop.awaitClosed(ticket, E2e.WAIT))
                        .as("ticket %s closed", ticket)
                        .isTrue();
            }
            E2e.await(
                    "the secretary saw every ticket closed",
                    () -> count(journal, "secretary", Direction.RECEIVED, TicketClosed.class) == 4);
            assertThat(shop.tickets()).hasSize(4).allSatisfy((id, state) -> assertThat(state)
                    .isEqualTo(TicketState.CLOSED));
        }

        for (UUID ticket : tickets) {
            List<Passage> mine = journal.stream()
                    .filter(p -> p.key().equals(ticket.toString()))
                    .toList();
            assertThat(mine)
                    .as("what happened to ticket %s", ticket)
                    .extracting(Passage::service, Passage::direction, Passage::eventType)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ticketing", Direction.SENT, "TicketOpened"),
                            org.assertj.core.groups.Tuple.tuple("secretary", Direction.RECEIVED, "TicketOpened"),
                            org.assertj.core.groups.Tuple.tuple("secretary", Direction.SENT, "AppointmentBooked"),
                            org.assertj.core.groups.Tuple.tuple("cash desk", Direction.RECEIVED, "AppointmentBooked"),
                            org.assertj.core.groups.Tuple.tuple("cash desk", Direction.SENT, "PaymentRegistered"),
                            org.assertj.core.groups.Tuple.tuple("ticketing", Direction.RECEIVED, "PaymentRegistered"),
                            org.assertj.core.groups.Tuple.tuple("ticketing", Direction.SENT, "TicketClosed"),
                            org.assertj.core.groups.Tuple.tuple("secretary", Direction.RECEIVED, "TicketClosed"));
            // Same key, same partition: the one Kafka's default partitioner gives the ticket id.
            for (Passage passage : mine) {
                assertThat(passage.partition())
                        .as("%s", passage)
                        .isEqualTo(E2e.partitionFor(ticket.toString(), E2e.partitions(passage.topic())));
            }
            assertThat(mine).extracting(Passage::topic).containsOnly("tickets", "appointments", "payments");
            // What each service received is exactly what the other one sent, at the same position.
            for (Passage sent :
                    mine.stream().filter(p -> p.direction() == Direction.SENT).toList()) {
                assertThat(mine)
                        .filteredOn(p -> p.direction() == Direction.RECEIVED
                                && p.topic().equals(sent.topic())
                                && p.offset() == sent.offset())
                        .singleElement()
                        .satisfies(received -> assertThat(received.event()).isEqualTo(sent.event()));
            }
            assertThat(mine.stream().map(Passage::event).toList())
                    .allSatisfy(event -> assertThat(ticketIdOf(event)).isEqualTo(ticket));
        }
        TicketOpened first = (TicketOpened) journal.stream()
                .filter(p -> p.key().equals(tickets.get(0).toString())
                        && p.direction() == Direction.RECEIVED
                        && p.event() instanceof TicketOpened)
                .findFirst()
                .orElseThrow()
                .event();
        assertThat(first.getRequester()).isEqualTo(ada);
        assertThat(first.getRepairType()).isEqualTo(RepairType.windshield);
        assertThat(journal)
                .filteredOn(p -> p.event() instanceof PaymentRegistered)
                .allSatisfy(p ->
                        assertThat(((PaymentRegistered) p.event()).getAmount()).isEqualTo(new BigDecimal("249.90")));
    }

    private static long count(List<Passage> journal, String service, Direction direction, Class<?> type) {
        synchronized (journal) {
            return journal.stream()
                    .filter(p ->
                            p.service().equals(service) && p.direction() == direction && type.isInstance(p.event()))
                    .count();
        }
    }

    private static UUID ticketIdOf(Object event) {
        if (event instanceof TicketOpened e) {
            return e.getTicketId();
        } else if (event instanceof AppointmentBooked e) {
            return e.getTicketId();
        } else if (event instanceof PaymentRegistered e) {
            return e.getTicketId();
        }
        return ((TicketClosed) event).getTicketId();
    }
}
