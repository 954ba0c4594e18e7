package io.github.eventcat.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.runtime.kafka.EventHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class IdempotentHandlerTest {
    private static EventContext withEventId(String id) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) {
            headers.add(OutboxWriter.EVENT_ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
        }
        return new EventContext("orders", 0, 7, "k", Instant.EPOCH, headers, 1);
    }

    @Test
    void theInMemoryStoreForgetsTheLeastRecentlySeenIdFirst() {
        InMemoryProcessedEventStore store = new InMemoryProcessedEventStore(2);
        assertThat(store.markProcessed("a")).isTrue();
        assertThat(store.markProcessed("b")).isTrue();
        assertThat(store.markProcessed("a")).isFalse(); // a seen again: b is now the eldest
        assertThat(store.markProcessed("c")).isTrue(); // evicts b
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.markProcessed("a")).isFalse();
        assertThat(store.markProcessed("b")).isTrue();
    }

    /** What generated consumers call for events whose catalog entry names an event-id field. */
    @Test
    void aStoreHandlesEachEventIdOnceByTheEventsOwnField() throws Exception {
        record Placed(String eventId, String orderId) {}
        List<String> handled = new ArrayList<>();
        boolean[] failNext = {true};
        EventHandler<Placed> once = new InMemoryProcessedEventStore(100).once(Placed::eventId, (event, context) -> {
            if (failNext[0]) {
                failNext[0] = false;
                throw new IllegalStateException("database down");
            }
            handled.add(event.orderId());
        });
        EventContext context = withEventId(null);

        assertThatThrownBy(() -> once.handle(new Placed("e1", "order-1"), context))
                .hasMessage("database down");
        once.handle(new Placed("e1", "order-1"), context); // the retry is handled: the failure left no mark
        once.handle(new Placed("e1", "order-1"), context); // a redelivery is skipped
        once.handle(new Placed("e2", "order-2"), context);
        assertThatThrownBy(() -> once.handle(new Placed(null, "order-3"), context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders-0@7")
                .hasMessageContaining("has no event id");

        assertThat(handled).containsExactly("order-1", "order-2");
    }

    @Test
    void duplicatesAreSkippedAndAFailedAttemptCanBeRetried() throws Exception {
        List<String> handled = new ArrayList<>();
        boolean[] failNext = {true};
        IdempotentHandler<String> handler = IdempotentHandler.of(
                new InMemoryProcessedEventStore(100), EventIdExtractor.outboxHeader(), (event, context) -> {
                    if (failNext[0]) {
                        failNext[0] = false;
                        throw new IllegalStateException("database down");
                    }
                    handled.add(event);
                });

        assertThatThrownBy(() -> handler.handle("order-1", withEventId("e1"))).hasMessage("database down");
        handler.handle("order-1", withEventId("e1")); // the retry is handled: the failed attempt left no mark
        handler.handle("order-1", withEventId("e1")); // a redelivery is skipped
        handler.handle("order-2", withEventId("e2"));

        assertThat(handled).containsExactly("order-1", "order-2");
        assertThat(handler.handledCount()).isEqualTo(2);
        assertThat(handler.skippedCount()).isEqualTo(1);
    }

    @Test
    void anEventWithoutAnIdIsRefusedWithTheRecordsPlace() {
        IdempotentHandler<String> handler = IdempotentHandler.of(
                new InMemoryProcessedEventStore(10), EventIdExtractor.outboxHeader(), (event, context) -> {});
        assertThatThrownBy(() -> handler.handle("x", withEventId(null)))
                .isInstanceOf(MissingEventIdException.class)
                .hasMessageContaining("orders-0@7")
                .hasMessageContaining(OutboxWriter.EVENT_ID_HEADER);
    }

    @Test
    void theRelayRefusesSettingsThatWouldMakeItUnsafe() {
        assertThatThrownBy(() ->
                        OutboxRelay.Builder.producerConfig(new java.util.HashMap<>(java.util.Map.of("acks", "1"))))
                .hasMessageContaining("acks=1 is not allowed");
        assertThatThrownBy(() -> OutboxRelay.Builder.producerConfig(
                        new java.util.HashMap<>(java.util.Map.of("enable.idempotence", "false"))))
                .hasMessageContaining("enable.idempotence=false is not allowed");
        assertThat(OutboxRelay.Builder.producerConfig(new java.util.HashMap<>(
                        java.util.Map.of("bootstrap.servers", "x:1", "schema.registry.url", "http://r"))))
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .doesNotContainKey("schema.registry.url");
    }
}
