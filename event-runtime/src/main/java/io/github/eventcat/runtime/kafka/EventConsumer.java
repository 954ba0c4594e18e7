package io.github.eventcat.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.eventcat.runtime.serde.PoisonRecordException;

/**
 * Consumes events of one or more topics and hands each to a handler, at least once.
 *
 * <ul>
 *   <li>Records are fetched as bytes and deserialized here, so a record that cannot be read
 *       ({@link PoisonRecordException}) still has its original bytes for the dead-letter topic.</li>
 *   <li>A handler that throws is called again after an exponential backoff ({@link RetryBackoff});
 *       after the last attempt the original key/value bytes go to the dead-letter topic
 *       ({@code <topic>.dlq} by default) with the original headers plus {@link DeadLetterHeaders}.
 *       Poison records and events without a handler go there at once.</li>
 *   <li>Offsets are committed (manually; {@code enable.auto.commit} is forced off) only for records
 *       that were handled or dead-lettered; on revocation the finished offsets of the revoked
 *       partitions are committed synchronously, so a rebalance neither loses nor repeats work.</li>
 *   <li>With {@code lanes > 1}, records are processed by that many threads, each key always on the
 *       same thread (per-key order kept); the committed offset of a partition is the end of its
 *       contiguous run of finished records. Fetching pauses while too many records are in flight.</li>
 *   <li>{@link #close()} or {@link #wakeup()} stops the loop: a record in retry is abandoned (not
 *       committed, so delivered again), finished offsets are committed, clients closed.</li>
 * </ul>
 *
 * <p>In sequential mode (one lane) retries run on the polling thread: keep the whole retry budget
 * well under {@code max.poll.interval.ms} (5 minutes by default).
 */
public final class EventConsumer<V> implements AutoCloseable {
    /** Handler calls per record before dead-lettering (default 3). */
    public static final String RETRY_ATTEMPTS = "eventcat.consumer.retry.attempts";
    /** Wait after the first failure, doubled after each next one (default 200). */
    public static final String RETRY_BACKOFF_MS = "eventcat.consumer.retry.backoff.ms";
    /** Longest wait between attempts (default 10000). */
    public static final String RETRY_BACKOFF_MAX_MS = "eventcat.consumer.retry.backoff.max.ms";
    /** Dead-letter topic for every consumed topic (default: {@code <topic>} + {@link #DLQ_SUFFIX}). */
    public static final String DLQ_TOPIC = "eventcat.consumer.dlq.topic";
    /** Default {@code .dlq}. */
    public static final String DLQ_SUFFIX = "eventcat.consumer.dlq.suffix";
    /** Processing threads; 1 (default) processes on the polling thread. */
    public static final String LANES = "eventcat.consumer.lanes";
    /** With lanes: records in flight above which fetching pauses (default 1000). */
    public static final String MAX_IN_FLIGHT = "eventcat.consumer.max.in.flight";

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final List<String> topics;
    private final Deserializer<V> deserializer;
    private final EventHandler<? super V> handler;
    private final RetryBackoff retry;
    private final Duration pollTimeout;
    private final int maxInFlight;
    private final Consumer<byte[], byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final ExecutorService[] lanes;
    private final KafkaSecurityErrors securityErrors;

    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread loopThread;
    private boolean paused;

    private EventConsumer(Builder<V> builder, Map<String, Object> config) {
        this.topics = List.copyOf(builder.topics);
        this.deserializer = builder.deserializer;
        this.handler = builder.handler;
        this.retry = builder.retry != null ? builder.retry : new RetryBackoff(
                (int) KafkaConfigs.number(config, RETRY_ATTEMPTS, 3),
                Duration.ofMillis(KafkaConfigs.number(config, RETRY_BACKOFF_MS, 200)),
                Duration.ofMillis(KafkaConfigs.number(config, RETRY_BACKOFF_MAX_MS, 10_000)));
        this.pollTimeout = builder.pollTimeout;
        int laneCount = builder.lanes > 0 ? builder.lanes : (int) KafkaConfigs.number(config, LANES, 1);
        this.maxInFlight = (int) KafkaConfigs.number(config, MAX_IN_FLIGHT, 1000);
        String dlqTopic = KafkaConfigs.string(config, DLQ_TOPIC, builder.dlqTopic);
        String dlqSuffix = KafkaConfigs.string(config, DLQ_SUFFIX, ".dlq");
        Function<String, String> dlqTopicFor = dlqTopic != null ? topic -> dlqTopic : topic -> topic + dlqSuffix;
        this.consumer = new KafkaConsumer<>(KafkaConfigs.consumer(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.securityErrors = KafkaSecurityErrors.of(config);
        this.deadLetters = new DeadLetterPublisher(
                new KafkaProducer<>(KafkaConfigs.deadLetterProducer(config), new ByteArraySerializer(), new ByteArraySerializer()),
                dlqTopicFor);
        if (laneCount > 1) {
            lanes = new ExecutorService[laneCount];
            for (int i = 0; i < laneCount; i++) {
                String name = "eventcat-consumer-" + String.join(",", topics) + "-lane-" + i;
                lanes[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
            }
        } else {
            lanes = null;
        }
    }

    /** {@code config}: Kafka consumer settings ({@code bootstrap.servers}, {@code group.id}, SASL/SSL...) plus the keys above. */
    public static <V> Builder<V> builder(Map<String, ?> config) {
        return new Builder<>(KafkaConfigs.copy(config));
    }

    public static <V> Builder<V> builder(Properties config) {
        return new Builder<>(KafkaConfigs.copy(config));
    }

    /** Runs the poll loop on a new thread and returns at once; {@link #close()} stops it. */
    public EventConsumer<V> start() {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException | Error e) {
                LOG.error("Consumer of {} stopped: {}", topics, e.toString(), e);
            }
        }, "eventcat-consumer-" + String.join(",", topics));
        loopThread = thread;
        thread.start();
        return this;
    }

    /**
     * Runs the poll loop on the calling thread until {@link #close()} or {@link #wakeup()} is
     * called from another thread, or a record can be neither handled nor dead-lettered (then that
     * {@link DeadLetterException} is thrown, after committing what was finished).
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this consumer already runs, or ran: build a new one");
        }
        if (loopThread == null) {
            loopThread = Thread.currentThread();
        }
        try {
            consumer.subscribe(topics, new CommitOnRevoke());
            while (!stopping()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (stopping()) {
                        break;
                    }
                    dispatch(record);
                }
                throwIfFatal();
                applyBackpressure();
                commitFinished(false);
            }
        } catch (WakeupException e) {
            if (!stopping()) {
                throw e;
            }
        } catch (RuntimeException e) {
            RuntimeException explained = securityErrors.explain(e); // login, TLS or ACL failure: say what to check
            fatal.compareAndSet(null, explained);
            throw explained;
        } catch (Error e) {
            fatal.compareAndSet(null, e);
            throw e;
        } finally {
            shutdown();
        }
        throwIfFatal();
    }

    /** Asks the loop to stop; returns at once. Safe from any thread. */
    public void wakeup() {
        stopRequested.countDown();
        consumer.wakeup();
    }

    /** Stops the loop and waits (up to a minute) until it has committed and closed the clients. */
    @Override
    public void close() {
        wakeup();
        if (!started.get()) {
            if (started.compareAndSet(false, true)) {
                closeClients();
            }
            return;
        }
        if (Thread.currentThread() != loopThread) {
            try {
                if (!finished.await(60, TimeUnit.SECONDS)) {
                    LOG.warn("Consumer of {} did not stop within 60 s (a handler still running?)", topics);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Why the loop stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(fatal.get());
    }

    public List<String> topics() {
        return topics;
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0 || fatal.get() != null;
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, p -> new PartitionProgress());
        partitionProgress.started(record.offset());
        if (lanes == null) {
            process(record, partitionProgress);
            return;
        }
        inFlight.incrementAndGet();
        lanes[lane(record)].execute(() -> {
            try {
                process(record, partitionProgress);
            } catch (RuntimeException | Error e) {
                fatal.compareAndSet(null, e);
                consumer.wakeup();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private int lane(ConsumerRecord<byte[], byte[]> record) {
        int hash = record.key() != null ? Arrays.hashCode(record.key()) : record.partition();
        return Math.floorMod(hash, lanes.length);
    }

    /** Handles one record with retries, or dead-letters it; marks it done unless abandoned by a stop. */
    private void process(ConsumerRecord<byte[], byte[]> record, PartitionProgress partitionProgress) {
        if (stopping()) {
            return; // abandoned: not marked done, so not committed, so delivered again
        }
        if (handleOrDeadLetter(record)) {
            partitionProgress.done(record.offset());
        }
    }

    private boolean handleOrDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        Throwable last = null;
        int handlerCalls = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && !backOff(attempt - 1)) {
                return false;
            }
            V event;
            try {
                event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            } catch (PoisonRecordException e) {
                LOG.warn("Poison record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                deadLetters.publish(record, e, 0);
                return true;
            } catch (RuntimeException e) {
                last = e; // e.g. the registry did not answer: worth another try
                continue;
            }
            if (event == null) {
                LOG.debug("Skipping record {}-{}@{} without value (tombstone)", record.topic(), record.partition(), record.offset());
                return true;
            }
            handlerCalls++;
            try {
                handler.handle(event, context(record, attempt));
                return true;
            } catch (UnhandledEventException e) {
                deadLetters.publish(record, e, handlerCalls);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                last = e;
                LOG.warn("Handler failed on {}-{}@{} (attempt {} of {}): {}", record.topic(), record.partition(),
                        record.offset(), attempt, retry.maxAttempts(), e.toString());
            }
        }
        deadLetters.publish(record, last, handlerCalls);
        return true;
    }

    /** Waits before the next attempt; false when a stop was requested meanwhile. */
    private boolean backOff(int failedAttempt) {
        try {
            return !stopRequested.await(retry.backoffAfter(failedAttempt).toMillis(), TimeUnit.MILLISECONDS) && fatal.get() == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private EventContext context(ConsumerRecord<byte[], byte[]> record, int attempt) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new EventContext(record.topic(), record.partition(), record.offset(), key,
                Instant.ofEpochMilli(record.timestamp()), record.headers(), attempt);
    }

    private void applyBackpressure() {
        if (lanes == null) {
            return;
        }
        int current = inFlight.get();
        if (!paused && current >= maxInFlight) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && current <= maxInFlight / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private void commitFinished(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((partition, partitionProgress) -> {
            long offset = partitionProgress.committable();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    // Later commits cover these offsets; the sync commit on revoke/close is the safety net.
                    LOG.warn("Offset commit for {} failed: {}", topics, error.toString());
                    offsets.forEach((partition, offset) -> {
                        PartitionProgress partitionProgress = progress.get(partition);
                        if (partitionProgress != null) {
                            partitionProgress.commitFailed();
                        }
                    });
                }
            });
        }
        offsets.forEach((partition, offset) -> {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress != null) {
                partitionProgress.committed(offset.offset());
            }
        });
    }

    private void throwIfFatal() {
        Throwable failure = fatal.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void shutdown() {
        stopRequested.countDown();
        try {
            if (lanes != null) {
                for (ExecutorService lane : lanes) {
                    lane.shutdown();
                }
                for (ExecutorService lane : lanes) {
                    if (!lane.awaitTermination(60, TimeUnit.SECONDS)) {
                        LOG.warn("A processing lane of {} did not finish within 60 s", topics);
                    }
                }
            }
            commitOnShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeClients();
            finished.countDown();
        }
    }

    private void commitOnShutdown() {
        for (int tries = 0; tries < 2; tries++) {
            try {
                commitFinished(true);
                return;
            } catch (WakeupException e) {
                // a wakeup() that arrived while not polling; it is spent now, try again
            } catch (RuntimeException e) {
                LOG.warn("Final offset commit for {} failed; the unfinished records will be delivered again: {}", topics, e.toString());
                return;
            }
        }
    }

    private void closeClients() {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer of {} failed: {}", topics, e.toString());
        }
        deadLetters.close();
    }

    /** Commits what was finished on partitions about to be taken away, after waiting for their records in flight. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : partitions) {
                PartitionProgress partitionProgress = progress.get(partition);
                if (partitionProgress == null) {
                    continue;
                }
                try {
                    partitionProgress.awaitIdle(EventConsumer.this::stopping);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long offset = partitionProgress.committable();
                if (offset >= 0) {
                    offsets.put(partition, new OffsetAndMetadata(offset));
                }
            }
            if (!offsets.isEmpty()) {
                try {
                    consumer.commitSync(offsets);
                } catch (RuntimeException e) {
                    LOG.warn("Commit on revocation of {} failed; their unfinished records will be delivered again: {}",
                            partitions, e.toString());
                }
            }
            partitions.forEach(progress::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // nothing to do: progress starts with the first record fetched
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member owns them already: committing would fail; just forget them.
            partitions.forEach(progress::remove);
        }
    }

    /** Builds a consumer; generated {@code <Topic>Consumer}s call this once. */
    public static final class Builder<V> {
        private final Map<String, Object> config;
        private List<String> topics = List.of();
        private Deserializer<V> deserializer;
        private EventHandler<? super V> handler;
        private RetryBackoff retry;
        private String dlqTopic;
        private int lanes;
        private Duration pollTimeout = Duration.ofMillis(100);

        private Builder(Map<String, Object> config) {
            this.config = config;
        }

        public Builder<V> topics(String... names) {
            this.topics = List.of(names);
            return this;
        }

        /** The value deserializer, ready to use (built with a registry client, or {@code configure()} already called). */
        public Builder<V> valueDeserializer(Deserializer<V> valueDeserializer) {
            this.deserializer = valueDeserializer;
            return this;
        }

        /** One handler for every event, typically an {@link EventDispatcher}. */
        public Builder<V> handler(EventHandler<? super V> eventHandler) {
            this.handler = eventHandler;
            return this;
        }

        public Builder<V> retry(RetryBackoff backoff) {
            this.retry = backoff;
            return this;
        }

        /** One dead-letter topic for every consumed topic, instead of {@code <topic>.dlq}. */
        public Builder<V> deadLetterTopic(String name) {
            this.dlqTopic = name;
            return this;
        }

        /** Processing threads; records of one key stay on one thread, in order. */
        public Builder<V> lanes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("lanes < 1: " + count);
            }
            this.lanes = count;
            return this;
        }

        /** Reads only committed transactional records ({@code isolation.level=read_committed}). */
        public Builder<V> readCommitted() {
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            return this;
        }

        public Builder<V> groupId(String id) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, id);
            return this;
        }

        public Builder<V> pollTimeout(Duration timeout) {
            this.pollTimeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public EventConsumer<V> build() {
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("no topics: call topics(...)");
            }
            Objects.requireNonNull(deserializer, "valueDeserializer == null");
            Objects.requireNonNull(handler, "handler == null");
            if (config.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
                throw new IllegalArgumentException("group.id is not set: consumers commit offsets for a group");
            }
            return new EventConsumer<>(this, config);
        }
    }
}
