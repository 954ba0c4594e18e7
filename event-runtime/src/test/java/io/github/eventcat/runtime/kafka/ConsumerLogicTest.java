package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.eventcat.runtime.registry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The consumer's bookkeeping, without a broker. */
class ConsumerLogicTest {
    private static final EventContext CONTEXT = new EventContext("t", 0, 0, "k", Instant.EPOCH, new RecordHeaders(), 1);

    @Test
    void commitsOnlyTheContiguousPrefixOfFinishedOffsets() {
        PartitionProgress progress = new PartitionProgress();
        assertThat(progress.committable()).isEqualTo(-1);
        for (long offset = 10; offset <= 14; offset++) {
            progress.started(offset);
        }
        assertThat(progress.committable()).isEqualTo(-1); // the group's position already: nothing to say
        progress.done(12);
        progress.done(13);
        assertThat(progress.committable()).isEqualTo(-1); // 10 and 11 still in flight
        progress.done(10);
        assertThat(progress.committable()).isEqualTo(11);
        progress.committed(11);
        assertThat(progress.committable()).isEqualTo(-1); // nothing new
        progress.done(11);
        assertThat(progress.committable()).isEqualTo(14);
        progress.done(14);
        assertThat(progress.committable()).isEqualTo(15);
        assertThat(progress.idle()).isTrue();
        progress.committed(15);
        progress.commitFailed();
        assertThat(progress.committable()).isEqualTo(15); // offered again after a failed async commit
    }

    @Test
    void aRevokedPartitionsRecordsAreSkippedAndNoCommitPassesTheOnesGivenUp() {
        PartitionProgress progress = new PartitionProgress();
        for (long offset = 0; offset <= 3; offset++) {
            progress.started(offset);
        }
        assertThat(progress.enter()).isTrue();
        progress.done(0);
        progress.exit();
        progress.revoke();
        assertThat(progress.enter()).isFalse(); // offsets 1..3 are left for the next owner
        progress.done(2); // finished by a lane that was already on it
        assertThat(progress.committable()).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        // One type for the consumer's handler retries (counted in attempts) and the registry client's (in retries).
        RetryPolicy backoff = RetryPolicy.ofAttempts(5, Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(backoff.maxAttempts()).isEqualTo(5);
        assertThat(backoff.maxRetries()).isEqualTo(4);
        assertThat(List.of(1, 2, 3, 4))
                .extracting(backoff::backoff)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350), Duration.ofMillis(350));
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(5000));
        assertThat(List.of(1, 2, 3))
                .extracting(policy::backoff)
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(RetryPolicy.consumerDefaults().maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.ofAttempts(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(30))
                        .maxAttempts())
                .isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> RetryPolicy.ofAttempts(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts < 1");
    }

    @Test
    void progressKeepsOffsetsInOrderWhateverOrderTheyFinishIn() {
        PartitionProgress progress = new PartitionProgress();
        for (long offset = 10; offset < 210; offset++) { // more than the ring's first capacity
            progress.started(offset);
        }
        progress.started(50); // fetched again: still one offset
        for (long offset = 209; offset > 10; offset--) {
            progress.done(offset);
        }
        assertThat(progress.committable()).isEqualTo(-1); // 10 is still in progress: where the group already is
        progress.done(10);
        assertThat(progress.committable()).isEqualTo(210);
        progress.started(210);
        progress.started(212);
        progress.started(211); // out of order: kept sorted
        progress.done(210);
        progress.done(212);
        assertThat(progress.committable()).isEqualTo(211);
    }

    @Test
    void dispatchesByTypeAndRejectsUnknownTypes() throws Exception {
        List<String> calls = new ArrayList<>();
        EventHandler<Object> dispatcher = EventDispatcher.builder()
                .on(String.class, (event, context) -> calls.add("string:" + event))
                .on(Number.class, (event, context) -> calls.add("number:" + event))
                .build();

        dispatcher.handle("a", CONTEXT);
        dispatcher.handle(42, CONTEXT); // Integer through its Number registration
        dispatcher.handle(7L, CONTEXT);

        assertThat(calls).containsExactly("string:a", "number:42", "number:7");
        assertThatThrownBy(() -> dispatcher.handle(UUID.randomUUID(), CONTEXT))
                .isInstanceOf(UnhandledEventException.class)
                .hasMessageContaining("java.util.UUID")
                .hasMessageContaining("java.lang.Number");
        assertThatThrownBy(() ->
                        EventDispatcher.builder().on(String.class, (e, c) -> {}).on(String.class, (e, c) -> {}))
                .hasMessageContaining("two handlers for java.lang.String");
    }

    @Test
    void rendersKeys() {
        UUID id = UUID.fromString("6a1f0f8e-9d1c-4c57-9a5e-3e1b8f9f3a10");
        assertThat(EventKeys.render(id)).isEqualTo("6a1f0f8e-9d1c-4c57-9a5e-3e1b8f9f3a10");
        assertThat(EventKeys.render("t-1")).isEqualTo("t-1");
        assertThat(EventKeys.render(null)).isNull();
        assertThatThrownBy(() -> EventKeys.render(new Object())).hasMessageContaining("String or a UUID");
    }
}
