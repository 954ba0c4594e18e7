package io.github.eventcat.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to Kafka and deletes each row once the broker acknowledged it.
 *
 * <p>One batch is one database transaction:
 * <ol>
 *   <li>claim up to {@code batchSize} of the oldest rows with {@code SELECT … FOR UPDATE SKIP LOCKED},
 *       so relays running at the same time never claim the same row;</li>
 *   <li>leave out every claimed row of a key that has an <em>older</em> row still in the table and
 *       not claimed by this batch (another relay has it in flight, or it is waiting): a key's rows are
 *       therefore only ever in flight in one relay, oldest first, and per-key order holds with any
 *       number of relays;</li>
 *   <li>send the rest in id order with an idempotent producer ({@code acks=all}), wait for every
 *       acknowledgement;</li>
 *   <li>delete the acknowledged rows and commit. A failed send keeps its row and every later row of
 *       the same key in the table, for the next batch, in order.</li>
 * </ol>
 * A relay that dies anywhere before the commit leaves its rows in the table (the database rolls the
 * transaction back and frees the locks), so the next batch re-sends them: at least once, and what is
 * sent twice is at most the one batch that was in flight. Consumers dedupe by the
 * {@value OutboxWriter#EVENT_ID_HEADER} header ({@link IdempotentHandler}).
 *
 * <p>The relay needs no schema registry: rows hold wire-format bytes.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    // MATERIALIZED: the claimed set is computed (and locked) once, then used twice.
    private static final String CLAIM = """
            WITH claimed AS MATERIALIZED (
                SELECT id, event_id, topic, record_key, record_value, header_keys, header_values
                FROM eventcat_outbox
                ORDER BY id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            )
            SELECT c.id, c.event_id, c.topic, c.record_key, c.record_value, c.header_keys, c.header_values,
                   (c.record_key IS NOT NULL AND EXISTS (
                       SELECT 1 FROM eventcat_outbox o
                       WHERE o.topic = c.topic AND o.record_key = c.record_key AND o.id < c.id
                         AND o.id NOT IN (SELECT id FROM claimed))) AS blocked
            FROM claimed c
            ORDER BY c.id""";
    private static final String DELETE = "DELETE FROM eventcat_outbox WHERE id = ANY (?)";

    private final DataSource dataSource;
    private final Producer<byte[], byte[]> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Listener listener;
    private final String name;
    private final OutboxTracing tracing;

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private volatile Thread loop;

    /** Told about each batch; for metrics and logs. Called on the relay's thread, so keep it quick. */
    public interface Listener {
        /** The broker acknowledged {@code records}; their rows are deleted next, in the same transaction. */
        default void onAcknowledged(List<OutboxRecord> records) {}

        /** A record could not be sent; it stays in the outbox (with the later rows of its key) for the next batch. */
        default void onSendFailed(OutboxRecord record, Exception error) {}
    }

    /** What one batch did. */
    public record BatchResult(int claimed, int published, int failed, int heldBack) {}

    private OutboxRelay(Builder builder, Producer<byte[], byte[]> producer) {
        this.dataSource = builder.dataSource;
        this.producer = producer;
        this.batchSize = builder.batchSize;
        this.pollInterval = builder.pollInterval;
        this.listener = builder.listener;
        this.name = builder.name;
        this.tracing = builder.tracing;
    }

    /**
     * {@code kafkaConfig}: producer settings ({@code bootstrap.servers}, SASL/SSL...). Idempotence and
     * {@code acks=all} are what make the relay safe, so they are set here and may not be turned off.
     */
    public static Builder builder(DataSource dataSource, Map<String, ?> kafkaConfig) {
        return new Builder(dataSource, kafkaConfig);
    }

    /** Runs the poll loop on a new thread; returns at once. {@link #close()} stops it. */
    public OutboxRelay start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("relay " + name + " already runs, or ran: build a new one");
        }
        Thread thread = new Thread(this::pollLoop, "eventcat-outbox-relay-" + name);
        loop = thread;
        thread.start();
        return this;
    }

    private void pollLoop() {
        while (stopRequested.getCount() > 0) {
            boolean more;
            try {
                BatchResult result = relayBatch();
                // A full batch with progress: more rows are likely waiting, so no pause.
                more = result.claimed() == batchSize && result.published() > 0;
            } catch (SQLException | RuntimeException e) {
                LOG.warn(
                        "Outbox relay {}: batch failed, its rows stay in the outbox and are retried in {} ms: {}",
                        name,
                        pollInterval.toMillis(),
                        e.toString(),
                        e);
                more = false;
            }
            if (!more) {
                try {
                    stopRequested.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Publishes one batch on the calling thread: claim, send, wait for the acknowledgements, delete,
     * commit. For callers that schedule the relay themselves (then do not {@link #start()} it).
     */
    public BatchResult relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                BatchResult result = relayBatch(connection);
                connection.commit();
                published.addAndGet(result.published());
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    private BatchResult relayBatch(Connection connection) throws SQLException {
        List<OutboxRecord> sendable = new ArrayList<>();
        int claimed = 0;
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, batchSize);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed++;
                    if (!rows.getBoolean("blocked")) {
                        sendable.add(read(rows));
                    }
                }
            }
        }
        if (sendable.isEmpty()) {
            return new BatchResult(claimed, 0, 0, claimed);
        }

        List<Future<RecordMetadata>> acks = new ArrayList<>(sendable.size());
        for (OutboxRecord record : sendable) {
            OutboxTracing.Send traced = tracing.send(record);
            acks.add(producer.send(
                    new ProducerRecord<>(
                            record.topic(), null, record.key(), record.value(), traced.headers(record.headers())),
                    (metadata, error) -> traced.done(error)));
        }
        producer.flush();

        List<OutboxRecord> acknowledged = new ArrayList<>(sendable.size());
        Set<KeyOfTopic> failedKeys = new HashSet<>();
        int failed = 0;
        for (int i = 0; i < sendable.size(); i++) {
            OutboxRecord record = sendable.get(i);
            KeyOfTopic key = new KeyOfTopic(record.topic(), record.keyText());
            try {
                acks.get(i).get();
                // After a failure of this key, later rows stay too, so the key's tail is re-sent in order.
                if (record.key() == null || !failedKeys.contains(key)) {
                    acknowledged.add(record);
                }
            } catch (ExecutionException e) {
                failed++;
                failedKeys.add(key);
                Exception cause = e.getCause() instanceof Exception c ? c : e;
                LOG.warn(
                        "Outbox relay {}: could not send {} to the broker, it stays in the outbox: {}",
                        name,
                        record,
                        cause.toString());
                listener.onSendFailed(record, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "relay " + name + " interrupted while waiting for acknowledgements;"
                                + " the batch stays in the outbox",
                        e);
            }
        }
        if (!acknowledged.isEmpty()) {
            listener.onAcknowledged(List.copyOf(acknowledged));
            delete(connection, acknowledged);
        }
        return new BatchResult(claimed, acknowledged.size(), failed, claimed - sendable.size());
    }

    private static OutboxRecord read(ResultSet rows) throws SQLException {
        String[] headerKeys = (String[]) rows.getArray("header_keys").getArray();
        byte[][] headerValues = (byte[][]) rows.getArray("header_values").getArray();
        return new OutboxRecord(
                rows.getLong("id"),
                rows.getObject("event_id", UUID.class),
                rows.getString("topic"),
                rows.getBytes("record_key"),
                rows.getBytes("record_value"),
                OutboxWriter.headers(headerKeys, headerValues));
    }

    private static void delete(Connection connection, List<OutboxRecord> records) throws SQLException {
        Long[] ids = records.stream().map(OutboxRecord::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array idArray = connection.createArrayOf("bigint", ids);
            delete.setArray(1, idArray);
            delete.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    /** Records this relay published (acknowledged and deleted) since it was built. */
    public long publishedCount() {
        return published.get();
    }

    public String name() {
        return name;
    }

    /**
     * Stops the loop after the batch in flight (its acknowledged rows are deleted, nothing is lost),
     * waits up to a minute for it, and closes the producer.
     */
    @Override
    public void close() {
        stopRequested.countDown();
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn(
                        "Outbox relay {} did not stop within a minute; closing its producer anyway (its batch stays in the outbox)",
                        name);
            }
        }
        producer.close(Duration.ofSeconds(30));
    }

    private record KeyOfTopic(String topic, String key) {}

    /** Settings of a relay; defaults: batch 100, poll every 500 ms. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Map<String, Object> kafkaConfig;
        private int batchSize = 100;
        private Duration pollInterval = Duration.ofMillis(500);
        private Listener listener = new Listener() {};
        private String name = "relay";
        private OutboxTracing tracing = OutboxTracing.NONE;

        private Builder(DataSource dataSource, Map<String, ?> kafkaConfig) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
            this.kafkaConfig = new HashMap<>();
            Objects.requireNonNull(kafkaConfig, "kafkaConfig == null").forEach((k, v) -> this.kafkaConfig.put(k, v));
        }

        /** Rows claimed per transaction (default 100). Also the most that can be sent twice after a crash. */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** Pause after a batch that found nothing (or little) to send (default 500 ms). */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        public Builder listener(Listener batchListener) {
            this.listener = Objects.requireNonNull(batchListener, "batchListener == null");
            return this;
        }

        /** Shown in thread names and logs (default {@code relay}). */
        public Builder name(String relayName) {
            this.name = Objects.requireNonNull(relayName, "relayName == null");
            return this;
        }

        /**
         * Sends each row in a PRODUCER span that continues the trace stored by
         * {@link OutboxWriter#withTracing} (its child), and puts that span's context in the record's
         * headers. Needs the OpenTelemetry API on the class path.
         */
        public Builder tracing(io.opentelemetry.api.OpenTelemetry openTelemetry) {
            this.tracing = OutboxTracing.of(Objects.requireNonNull(openTelemetry, "openTelemetry == null"));
            return this;
        }

        public OutboxRelay build() {
            return new OutboxRelay(
                    this,
                    new KafkaProducer<>(
                            producerConfig(kafkaConfig), new ByteArraySerializer(), new ByteArraySerializer()));
        }

        static Map<String, Object> producerConfig(Map<String, Object> config) {
            Map<String, Object> producer = new HashMap<>(config);
            producer.keySet().removeIf(key -> key.startsWith("eventcat.") || key.startsWith("schema.registry."));
            requireUnset(
                    producer,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    null,
                    "the relay's safety comes from deleting rows after acknowledgement, not from Kafka transactions");
            requireUnset(
                    producer,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    "true",
                    "without idempotence a retried send can duplicate or reorder a key's events");
            requireUnset(
                    producer,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    "a row is deleted once acknowledged, so the acknowledgement must mean every in-sync replica has it");
            producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer.put(ProducerConfig.ACKS_CONFIG, "all");
            return producer;
        }

        private static void requireUnset(Map<String, Object> config, String key, String allowed, String why) {
            Object value = config.get(key);
            if (value != null
                    && !String.valueOf(value).trim().equalsIgnoreCase(String.valueOf(allowed))
                    && !(allowed != null
                            && allowed.equals("all")
                            && "-1".equals(String.valueOf(value).trim()))) {
                throw new IllegalArgumentException("OutboxRelay: " + key + "=" + value + " is not allowed: " + why
                        + "; remove it from the relay's configuration");
            }
        }
    }
}
