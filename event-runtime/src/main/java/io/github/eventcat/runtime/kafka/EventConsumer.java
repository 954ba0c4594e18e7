package io.github.eventcat.runtime.kafka;

import io.github.eventcat.runtime.registry.RetryPolicy;
import io.github.eventcat.runtime.serde.PoisonRecordException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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

/**
 * Consumes events of one or more topics and hands each to a handler, at least once.
 *
 * <ul>
 *   <li>Records are fetched as bytes and deserialized here, so a record that cannot be read
 *       ({@link PoisonRecordException}) still has its original bytes for the dead-letter topic.</li>
 *   <li>A handler that throws is called again after an exponential backoff ({@link RetryPolicy});
 *       after the last attempt the original key/value bytes go to the dead-letter topic
 *       ({@code <topic>.dlq} by default) with the original headers plus {@link DeadLetterHeaders}.
 *       Poison records ({@link PoisonRecordException}: the record itself is bad) and events without
 *       a handler go there at once.</li>
 *   <li>An infrastructure failure never dead-letters: when the writer schema cannot be fetched
 *       (registry down, 5xx, 401/403, a wrong URL path; any deserializer failure other than
 *       {@link PoisonRecordException}) or the dead-letter write fails, the record is "stuck": fetching
 *       pauses, nothing past it is committed, {@link #health()} says PAUSED and why (with a WARN), and
 *       it is tried again with backoff ({@link #PAUSE_BACKOFF_MS}) until it passes; then the consumer
 *       resumes in order.</li>
 *   <li>Offsets are committed (manually; {@code enable.auto.commit} is forced off) only for records
 *       that were handled or dead-lettered; on revocation the finished offsets of the revoked
 *       partitions are committed synchronously (with lanes, after their records in flight drained,
 *       up to {@link #REVOKE_DRAIN_MS}), so a rebalance loses nothing and repeats at most the revoked
 *       partitions' records that were not finished.</li>
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
    /**
     * While a record is stuck on an infrastructure failure (registry, dead-letter topic): wait before
     * trying it again (default 1000), doubled after each failure up to {@link #PAUSE_BACKOFF_MAX_MS}.
     */
    public static final String PAUSE_BACKOFF_MS = "eventcat.consumer.pause.backoff.ms";
    /** Longest wait between tries of a stuck record (default 30000). It is tried until it passes. */
    public static final String PAUSE_BACKOFF_MAX_MS = "eventcat.consumer.pause.backoff.max.ms";
    /** With lanes: how long a revocation waits for the revoked partitions' records in flight (default 10000). */
    public static final String REVOKE_DRAIN_MS = "eventcat.consumer.revoke.drain.ms";
    /**
     * How often the lag of the assigned partitions is measured for {@link #health()} and the lag gauges
     * (default 5000; 0 turns it off). Two small requests to the broker each time, on the polling thread.
     */
    public static final String LAG_INTERVAL_MS = "eventcat.consumer.lag.interval.ms";

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final List<String> topics;
    private final Duration revokeDrain;
    private final Duration pollTimeout;
    private final int maxInFlight;
    private final Consumer<byte[], byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final RecordProcessor<V> processor;
    private final OffsetCommits commits;
    private final ExecutorService[] lanes;
    private final KafkaSecurityErrors securityErrors;
    private final Observers.ConsumeObserver observer;
    private final LagTracker lagTracker;

    private final AtomicInteger inFlight = new AtomicInteger();
    /** Sequential mode: fetched records not done yet, in fetch order (only the poll thread touches it). */
    private final Deque<RecordProcessor<V>.RecordTask> pending = new ArrayDeque<>();

    private final PauseState pauseState;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread loopThread;
    private boolean backpressure;

    private EventConsumer(Builder<V> builder, Map<String, Object> config) {
        this.topics = List.copyOf(builder.topics);
        RetryPolicy retry = builder.retry != null
                ? builder.retry
                : RetryPolicy.ofAttempts(
                        (int) KafkaConfigs.number(config, RETRY_ATTEMPTS, 3),
                        Duration.ofMillis(KafkaConfigs.number(config, RETRY_BACKOFF_MS, 200)),
                        Duration.ofMillis(KafkaConfigs.number(config, RETRY_BACKOFF_MAX_MS, 10_000)));
        RetryPolicy pauseBackoff = RetryPolicy.ofAttempts(
                Integer.MAX_VALUE,
                Duration.ofMillis(KafkaConfigs.number(config, PAUSE_BACKOFF_MS, 1_000)),
                Duration.ofMillis(KafkaConfigs.number(config, PAUSE_BACKOFF_MAX_MS, 30_000)));
        this.revokeDrain = Duration.ofMillis(KafkaConfigs.number(config, REVOKE_DRAIN_MS, 10_000));
        this.pauseState = new PauseState(this.topics);
        this.pollTimeout = builder.pollTimeout;
        int laneCount = builder.lanes > 0 ? builder.lanes : (int) KafkaConfigs.number(config, LANES, 1);
        this.maxInFlight = (int) KafkaConfigs.number(config, MAX_IN_FLIGHT, 1000);
        String dlqTopic = KafkaConfigs.string(config, DLQ_TOPIC, builder.dlqTopic);
        String dlqSuffix = KafkaConfigs.string(config, DLQ_SUFFIX, ".dlq");
        Function<String, String> dlqTopicFor = dlqTopic != null ? topic -> dlqTopic : topic -> topic + dlqSuffix;
        this.observer = Observers.consumer(config, builder.meterRegistry, builder.openTelemetry);
        this.lagTracker =
                new LagTracker(Duration.ofMillis(KafkaConfigs.number(config, LAG_INTERVAL_MS, 5_000)), observer);
        this.consumer = new KafkaConsumer<>(
                KafkaConfigs.consumer(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        observer.bind(consumer, topics, this::health);
        this.securityErrors = KafkaSecurityErrors.of(config);
        this.deadLetters = new DeadLetterPublisher(
                new KafkaProducer<>(
                        KafkaConfigs.deadLetterProducer(config), new ByteArraySerializer(), new ByteArraySerializer()),
                dlqTopicFor);
        this.processor = new RecordProcessor<>(
                builder.deserializer,
                builder.handler,
                retry,
                pauseBackoff,
                deadLetters,
                observer,
                pauseState,
                stopRequested,
                fatal);
        this.commits = new OffsetCommits(consumer, topics);
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
        Thread thread = new Thread(
                () -> {
                    try {
                        run();
                    } catch (RuntimeException | Error e) {
                        LOG.error("Consumer of {} stopped: {}", topics, e.toString(), e);
                    }
                },
                "eventcat-consumer-" + String.join(",", topics));
        loopThread = thread;
        thread.start();
        return this;
    }

    /**
     * Runs the poll loop on the calling thread until {@link #close()} or {@link #wakeup()} is
     * called from another thread, or a handler throws an {@link Error} (thrown on, after committing
     * what was finished). A record that can be neither handled nor dead-lettered does not stop it:
     * the consumer pauses on it and tries again (see {@link #health()}).
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
            pauseState.running();
            while (!stopping()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                for (TopicPartition partition : records.partitions()) {
                    // One progress lookup per partition and poll, not per record (the same order as iterating the
                    // records).
                    PartitionProgress partitionProgress = commits.of(partition);
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        dispatch(record, partitionProgress);
                    }
                }
                if (lanes == null) {
                    runPending();
                }
                throwIfFatal();
                applyPauses();
                commits.commitFinished(false);
                lagTracker.maybeRefresh(consumer);
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
                pauseState.stopped(null);
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

    /**
     * NEW, RUNNING, PAUSED (a record is stuck on an infrastructure failure; the reason names the
     * registry URL or dead-letter topic and what to check), FAILED (stopped by a failure, with the
     * reason) or STOPPED; with the assigned partitions and their lag. Safe from any thread.
     */
    public ConsumerHealth health() {
        return pauseState.health().with(lagTracker.assigned(), lagTracker.lag());
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

    /** Registers a fetched record with its partition's progress (so no commit passes it) and hands it out. */
    private void dispatch(ConsumerRecord<byte[], byte[]> record, PartitionProgress partitionProgress) {
        partitionProgress.started(record.offset());
        RecordProcessor<V>.RecordTask task = processor.task(record, partitionProgress);
        if (lanes == null) {
            pending.addLast(task);
            return;
        }
        inFlight.incrementAndGet();
        lanes[lane(record)].execute(() -> {
            try {
                runInLane(task);
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

    /**
     * Sequential mode: works through the fetched records in order. On an infrastructure failure it
     * returns and leaves the record at the head; the loop keeps polling (fetching paused, so the
     * group membership stays alive) and tries it again after the backoff.
     */
    private void runPending() {
        while (!pending.isEmpty() && !stopping()) {
            RecordProcessor<V>.RecordTask task = pending.peekFirst();
            if (task.nextTryAt != 0 && System.nanoTime() < task.nextTryAt) {
                return;
            }
            try {
                if (!task.attempt()) {
                    return; // a stop was requested: the record stays unfinished, so uncommitted
                }
                task.progress.done(task.record.offset());
                pending.pollFirst();
                task.released(true);
            } catch (InfrastructureFailure failure) {
                task.stuck(failure);
                return;
            }
        }
    }

    /** With lanes: handles one record, trying again after each infrastructure failure until done, revoked or stopped. */
    private void runInLane(RecordProcessor<V>.RecordTask task) {
        if (!task.progress.enter()) {
            return; // partition revoked before this record's turn: its next owner reads it again
        }
        try {
            while (!stopping()) {
                try {
                    if (task.attempt()) {
                        task.progress.done(task.record.offset());
                        task.released(true);
                    }
                    return;
                } catch (InfrastructureFailure failure) {
                    task.stuck(failure);
                    if (!waitUntil(task.nextTryAt, task.progress::revoked)) {
                        return;
                    }
                }
            }
        } finally {
            task.released(false); // no-op unless it is still stuck: given up on a stop or revocation
            task.progress.exit();
        }
    }

    /** Sleeps until {@code nanoTime}; false when a stop was requested or {@code giveUp} says so meanwhile. */
    private boolean waitUntil(long nanoTime, BooleanSupplier giveUp) {
        try {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                if (stopRequested.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 50), TimeUnit.MILLISECONDS)
                        || stopping()
                        || giveUp.getAsBoolean()) {
                    return false;
                }
            }
            return !stopping() && !giveUp.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Fetching pauses while a record is stuck on an infrastructure failure, and with lanes while
     * too many records are in flight. Re-applied after every poll: a rebalance hands out partitions unpaused.
     */
    private void applyPauses() {
        if (lanes != null) {
            int current = inFlight.get();
            if (!backpressure && current >= maxInFlight) {
                backpressure = true;
            } else if (backpressure && current <= maxInFlight / 2) {
                backpressure = false;
            }
        }
        Set<TopicPartition> assigned = consumer.assignment();
        if (backpressure || pauseState.paused()) {
            if (!consumer.paused().containsAll(assigned)) {
                consumer.pause(assigned);
            }
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
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
        pauseState.stopped(fatal.get()); // first: records given up on the way out are no "resume"
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
            commits.commitOnShutdown();
            lagTracker.finalRefresh(consumer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeClients();
            finished.countDown();
        }
    }

    private void closeClients() {
        observer.close();
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the consumer of {} failed: {}", topics, e.toString());
        }
        deadLetters.close();
    }

    /**
     * Commits what was finished on partitions about to be taken away. With lanes, their records in
     * flight first get up to {@link #REVOKE_DRAIN_MS} to finish; what is left then (or at once, when
     * a record is stuck on an infrastructure failure) is given up, uncommitted, for the next owner.
     */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = commits.revoke(
                    partitions,
                    lanes != null,
                    System.nanoTime() + revokeDrain.toNanos(),
                    () -> stopping() || pauseState.paused());
            forgetPending(partitions);
            commits.commitRevoked(partitions, offsets);
            lagTracker.removed(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // progress starts with the first record fetched
            lagTracker.assigned(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            commits.lost(partitions);
            forgetPending(partitions);
            lagTracker.removed(partitions);
        }

        /** Sequential mode: the fetched records of partitions gone are left for their next owner. */
        private void forgetPending(Collection<TopicPartition> partitions) {
            pending.removeIf(task -> {
                boolean gone = partitions.contains(new TopicPartition(task.record.topic(), task.record.partition()));
                if (gone) {
                    task.released(false);
                }
                return gone;
            });
        }
    }

    /** Builds a consumer; generated {@code <Topic>Consumer}s call this once. */
    public static final class Builder<V> {
        private final Map<String, Object> config;
        private List<String> topics = List.of();
        private Deserializer<V> deserializer;
        private EventHandler<? super V> handler;
        private RetryPolicy retry;
        private String dlqTopic;
        private int lanes;
        private Duration pollTimeout = Duration.ofMillis(100);
        // Object, not the libraries' types: fields are resolved when the class loads, methods only when called.
        private Object meterRegistry;
        private Object openTelemetry;

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

        /** Handler calls per record before dead-lettering, and the waits between them ({@link RetryPolicy#ofAttempts}). */
        public Builder<V> retry(RetryPolicy policy) {
            this.retry = policy;
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

        /**
         * Records this consumer's metrics in {@code registry} (needs Micrometer on the class path; the
         * same as {@link Observability#METRICS_REGISTRY} in the configuration).
         */
        public Builder<V> metrics(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry == null");
            return this;
        }

        /**
         * Traces each record with {@code openTelemetry} (needs the OpenTelemetry API on the class path;
         * the same as {@link Observability#TRACING_OPENTELEMETRY} in the configuration).
         */
        public Builder<V> tracing(io.opentelemetry.api.OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
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
