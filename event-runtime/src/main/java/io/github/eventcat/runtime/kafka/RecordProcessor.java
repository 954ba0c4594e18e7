package io.github.eventcat.runtime.kafka;

import io.github.eventcat.runtime.registry.RetryPolicy;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventConsumer}'s way from a fetched record to done: deserialize, call the handler
 * (again after a backoff while it throws, up to the retry policy's attempts), or send the record to
 * the dead-letter topic (poison records and unhandled events at once, failing ones after the last
 * attempt). An infrastructure failure (registry, dead-letter write) makes the record "stuck":
 * {@link RecordTask#stuck} says when to try it again and reports it to the consumer's
 * {@link PauseState}. Holds no state of its own across records but the {@link RecordTask}s.
 */
final class RecordProcessor<V> {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final Deserializer<V> deserializer;
    private final EventHandler<? super V> handler;
    private final RetryPolicy retry;
    private final RetryPolicy pauseBackoff;
    private final DeadLetterPublisher deadLetters;
    private final Observers.ConsumeObserver observer;
    private final PauseState pauseState;
    private final CountDownLatch stopRequested;
    private final AtomicReference<Throwable> fatal;

    RecordProcessor(
            Deserializer<V> deserializer,
            EventHandler<? super V> handler,
            RetryPolicy retry,
            RetryPolicy pauseBackoff,
            DeadLetterPublisher deadLetters,
            Observers.ConsumeObserver observer,
            PauseState pauseState,
            CountDownLatch stopRequested,
            AtomicReference<Throwable> fatal) {
        this.deserializer = deserializer;
        this.handler = handler;
        this.retry = retry;
        this.pauseBackoff = pauseBackoff;
        this.deadLetters = deadLetters;
        this.observer = observer;
        this.pauseState = pauseState;
        this.stopRequested = stopRequested;
        this.fatal = fatal;
    }

    RecordTask task(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress) {
        return new RecordTask(record, progress);
    }

    /** Waits before the next handler attempt; false when a stop was requested meanwhile. */
    private boolean backOff(int failedAttempt) {
        try {
            return !stopRequested.await(retry.backoff(failedAttempt).toMillis(), TimeUnit.MILLISECONDS)
                    && fatal.get() == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private EventContext context(ConsumerRecord<byte[], byte[]> record, int attempt) {
        // The key's text and the timestamp's Instant are made only if the handler asks for them.
        return new EventContext(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.timestamp(),
                record.headers(),
                attempt);
    }

    /**
     * One fetched record on its way to done: handled, skipped (tombstone) or safely in the
     * dead-letter topic. Remembers across tries whether it is already bound for the dead-letter
     * topic, so a failed dead-letter write is retried without calling the handler again.
     */
    final class RecordTask {
        final ConsumerRecord<byte[], byte[]> record;
        final PartitionProgress progress;
        long nextTryAt;
        long stuckSince;
        private int stuckTries;
        private Throwable deadLetterCause;
        private int deadLetterAttempts;
        private String deadLetterReason;
        private String eventType;

        RecordTask(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress) {
            this.record = record;
            this.progress = progress;
        }

        /** True when done; false when given up because of a stop. */
        boolean attempt() throws InfrastructureFailure {
            Observers.RecordObservation observation = observer.record(record);
            if (eventType != null) {
                observation.eventType(eventType);
            }
            boolean done = false;
            Throwable stuckOn = null;
            try {
                if (deadLetterCause == null && !handle(observation)) {
                    return false;
                }
                if (deadLetterCause != null) {
                    Observers.DeadLetterWrite write = observation.deadLettering(
                            deadLetters.topicFor(record.topic()), deadLetterReason, deadLetterCause);
                    try {
                        deadLetters.publish(record, deadLetterCause, deadLetterAttempts);
                        write.written();
                    } catch (DeadLetterException e) {
                        write.failed(e);
                        throw new InfrastructureFailure(e.getMessage(), e);
                    }
                }
                done = true;
                return true;
            } catch (InfrastructureFailure e) {
                stuckOn = e;
                throw e;
            } finally {
                observation.end(done, stuckOn);
            }
        }

        /** Handles the record (true), decides it goes to the dead-letter topic (true, cause set), or gives up on a stop (false). */
        private boolean handle(Observers.RecordObservation observation) throws InfrastructureFailure {
            V event;
            try {
                event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            } catch (PoisonRecordException e) {
                LOG.warn("Poison record {} goes to the dead-letter topic: {}", where(), e.getMessage());
                eventType = EventTypes.UNREADABLE;
                observation.eventType(eventType);
                deadLetter(e, 0, "poison");
                return true;
            } catch (RuntimeException e) {
                // Only a PoisonRecordException says the record itself is bad; anything else (registry down,
                // misconfigured, refusing us) may pass later and must not cost a valid event.
                throw new InfrastructureFailure(e.getMessage() != null ? e.getMessage() : e.toString(), e);
            }
            if (event == null) {
                LOG.debug("Skipping record {} without value (tombstone)", where());
                return true;
            }
            eventType = EventTypes.of(event);
            observation.eventType(eventType);
            Exception last = null;
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
                if (attempt > 1) {
                    observation.retrying(attempt, retry.backoff(attempt - 1));
                    if (!backOff(attempt - 1)) {
                        return false;
                    }
                }
                Observers.HandlerCall call = observation.handlerCall(attempt);
                try {
                    handler.handle(event, context(record, attempt));
                    return true;
                } catch (UnhandledEventException e) {
                    call.failed(e);
                    deadLetter(e, attempt, "unhandled");
                    return true;
                } catch (InterruptedException e) {
                    call.failed(e);
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception e) {
                    call.failed(e);
                    last = e;
                    LOG.warn(
                            "Handler failed on {} (attempt {} of {}): {}",
                            where(),
                            attempt,
                            retry.maxAttempts(),
                            e.toString());
                } catch (Error e) {
                    call.failed(e);
                    throw e;
                } finally {
                    call.end();
                }
            }
            deadLetter(last, retry.maxAttempts(), "handler");
            return true;
        }

        private void deadLetter(Throwable cause, int attempts, String reason) {
            deadLetterCause = cause;
            deadLetterAttempts = attempts;
            deadLetterReason = reason;
        }

        void stuck(InfrastructureFailure failure) {
            boolean firstTime = stuckSince == 0;
            if (firstTime) {
                stuckSince = System.nanoTime();
            }
            Duration wait = pauseBackoff.backoff(++stuckTries);
            nextTryAt = System.nanoTime() + wait.toNanos();
            pauseState.stuck(where(), failure.getMessage(), firstTime, wait);
        }

        void released(boolean wentThrough) {
            if (stuckSince != 0) {
                stuckSince = 0;
                pauseState.released(where(), wentThrough);
            }
        }

        String where() {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
    }
}
