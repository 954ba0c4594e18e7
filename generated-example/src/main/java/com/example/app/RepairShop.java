package com.example.app;

import com.example.app.Passage.Direction;
import com.example.events.AppointmentsConsumer;
import com.example.events.AppointmentsHandler;
import com.example.events.AppointmentsProducer;
import com.example.events.PaymentsConsumer;
import com.example.events.PaymentsHandler;
import com.example.events.PaymentsProducer;
import com.example.events.TicketsConsumer;
import com.example.events.TicketsHandler;
import com.example.events.TicketsProducer;
import com.example.repairshop.AppointmentBooked;
import com.example.repairshop.PaymentRegistered;
import com.example.repairshop.RepairType;
import com.example.repairshop.Requester;
import com.example.repairshop.TicketClosed;
import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.kafka.ConsumerHealth;
import io.github.eventcat.runtime.kafka.EventContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The car repair shop: three services talking only through the generated producers and consumers.
 *
 * <ol>
 *   <li>the <b>ticketing</b> service opens a ticket ({@code tickets}: TicketOpened);
 *   <li>the <b>secretary</b> reacts by booking an appointment ({@code appointments});
 *   <li>the <b>cash desk</b> registers the payment for it ({@code payments});
 *   <li>the ticketing service closes the ticket ({@code tickets}: TicketClosed).
 * </ol>
 *
 * Every service waits for the broker to acknowledge what it sends before its handler returns, so a
 * handled event's consequences are never lost (at least once). Handlers are idempotent: a
 * redelivered event does not book, charge or close twice.
 */
public final class RepairShop implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** Where a ticket is in its life. */
    public enum TicketState {
        OPEN,
        CLOSED
    }

    private final Consumer<Passage> journal;
    private final String groupPrefix;
    private final Map<UUID, TicketState> tickets = new ConcurrentHashMap<>();
    private final Map<UUID, CountDownLatch> closed = new ConcurrentHashMap<>();
    private final Set<UUID> booked = ConcurrentHashMap.newKeySet();
    private final Set<UUID> paid = ConcurrentHashMap.newKeySet();

    private final TicketsProducer ticketing;
    private final AppointmentsProducer secretary;
    private final PaymentsProducer cashDesk;
    private final TicketsConsumer secretaryInbox;
    private final AppointmentsConsumer cashDeskInbox;
    private final PaymentsConsumer ticketingInbox;

    /**
     * Starts the three services.
     *
     * @param config {@code bootstrap.servers}, {@code schema.registry.url} and any other client
     *     setting, e.g. {@code eventcat.metrics.registry} / {@code eventcat.tracing.opentelemetry}
     *     for metrics and traces ({@link ShopObservability}); each service adds its own
     *     {@code group.id}
     * @param groupPrefix prefix of the services' consumer groups, e.g. {@code repair-shop-}
     * @param journal told about every event each service sends or receives
     */
    public RepairShop(Map<String, ?> config, String groupPrefix, Consumer<Passage> journal) {
        this.journal = journal;
        this.groupPrefix = groupPrefix;
        this.ticketing = new TicketsProducer(config);
        this.secretary = new AppointmentsProducer(config);
        this.cashDesk = new PaymentsProducer(config);
        this.secretaryInbox = new TicketsConsumer(group(config, "secretary"), new Secretary()).start();
        this.cashDeskInbox = new AppointmentsConsumer(group(config, "cash-desk"), new CashDesk()).start();
        this.ticketingInbox = new PaymentsConsumer(group(config, "ticketing"), new Ticketing()).start();
    }

    /** The ticketing service opens a ticket for a customer's car; returns its id. */
    public UUID openTicket(Requester requester, RepairType repair) {
        UUID ticketId = UUID.randomUUID();
        closed.put(ticketId, new CountDownLatch(1));
        tickets.put(ticketId, TicketState.OPEN);
        TicketOpened event = TicketOpened.newBuilder()
                .setOccurredOn(now())
                .setTicketId(ticketId)
                .setRequester(requester)
                .setRepairType(repair)
                .build();
        sent("ticketing", event, ticketId, await(ticketing.send(event)));
        return ticketId;
    }

    /** Waits until the ticket is closed; false when it was not within {@code timeout}. */
    public boolean awaitClosed(UUID ticketId, Duration timeout) throws InterruptedException {
        CountDownLatch latch = closed.get(ticketId);
        return latch != null && latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Each service's consumer: status, reason, partitions and lag (also after {@link #close()}). */
    public Map<String, ConsumerHealth> health() {
        Map<String, ConsumerHealth> health = new LinkedHashMap<>();
        health.put("secretary", secretaryInbox.health());
        health.put("cash desk", cashDeskInbox.health());
        health.put("ticketing", ticketingInbox.health());
        return health;
    }

    /** The ticketing service's view of every ticket it opened. */
    public Map<UUID, TicketState> tickets() {
        return Map.copyOf(tickets);
    }

    @Override
    public void close() {
        ticketingInbox.close();
        cashDeskInbox.close();
        secretaryInbox.close();
        ticketing.close();
        secretary.close();
        cashDesk.close();
    }

    /** Books a slot for every new ticket. */
    private final class Secretary implements TicketsHandler {
        @Override
        public void onTicketOpened(TicketOpened event, EventContext context) {
            received("secretary", event, context);
            if (!booked.add(event.getTicketId())) {
                return;
            }
            AppointmentBooked appointment = AppointmentBooked.newBuilder()
                    .setOccurredOn(now())
                    .setTicketId(event.getTicketId())
                    .setAppointmentId(UUID.randomUUID())
                    .setScheduledAt(now().plus(1, ChronoUnit.DAYS))
                    .build();
            sent("secretary", appointment, event.getTicketId(), await(secretary.send(appointment)));
        }

        @Override
        public void onTicketClosed(TicketClosed event, EventContext context) {
            received("secretary", event, context);
        }
    }

    /** Charges every booked appointment. */
    private final class CashDesk implements AppointmentsHandler {
        @Override
        public void onAppointmentBooked(AppointmentBooked event, EventContext context) {
            received("cash desk", event, context);
            if (!paid.add(event.getAppointmentId())) {
                return;
            }
            PaymentRegistered payment = PaymentRegistered.newBuilder()
                    .setTicketId(event.getTicketId())
                    .setAppointmentId(event.getAppointmentId())
                    .setPaymentId(UUID.randomUUID())
                    .setOccurredOn(now())
                    .setAmount(new BigDecimal("249.90"))
                    .build();
            sent("cash desk", payment, event.getTicketId(), await(cashDesk.send(payment)));
        }
    }

    /** Closes a ticket once it is paid. */
    private final class Ticketing implements PaymentsHandler {
        @Override
        public void onPaymentRegistered(PaymentRegistered event, EventContext context) {
            received("ticketing", event, context);
            UUID ticketId = event.getTicketId();
            if (tickets.get(ticketId) != TicketState.OPEN) {
                return; // a ticket of another run, or already closed (a redelivery)
            }
            TicketClosed close = TicketClosed.newBuilder()
                    .setOccurredOn(now())
                    .setTicketId(ticketId)
                    .build();
            sent("ticketing", close, ticketId, await(ticketing.send(close)));
            tickets.put(ticketId, TicketState.CLOSED);
            closed.get(ticketId).countDown();
        }
    }

    private void sent(String service, Object event, UUID key, RecordMetadata metadata) {
        journal.accept(new Passage(
                service,
                Direction.SENT,
                metadata.topic(),
                key.toString(),
                metadata.partition(),
                metadata.offset(),
                event));
    }

    private void received(String service, Object event, EventContext context) {
        journal.accept(new Passage(
                service,
                Direction.RECEIVED,
                context.topic(),
                context.key(),
                context.partition(),
                context.offset(),
                event));
    }

    private Map<String, Object> group(Map<String, ?> config, String service) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put("group.id", groupPrefix + service);
        return copy;
    }

    /** Avro's timestamp-millis keeps milliseconds: truncate so that what is read equals what was sent. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RecordMetadata await(java.util.concurrent.CompletableFuture<RecordMetadata> sent) {
        try {
            return sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take the event: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge within " + SEND_TIMEOUT, e);
        }
    }
}
