package io.github.eventcat.runtime.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventConsumer}'s commit tracking: the {@link PartitionProgress} of each partition it
 * fetched from, and the commits of what is finished: after each poll (asynchronous), on revocation
 * (synchronous, after the revoked partitions' records in flight drained) and on shutdown.
 */
final class OffsetCommits {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;

    OffsetCommits(Consumer<byte[], byte[]> consumer, List<String> topics) {
        this.consumer = consumer;
        this.topics = topics;
    }

    /** The progress of {@code partition}, started with its first fetched record. */
    PartitionProgress of(TopicPartition partition) {
        return progress.computeIfAbsent(partition, p -> new PartitionProgress());
    }

    void commitFinished(boolean sync) {
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

    void commitOnShutdown() {
        for (int tries = 0; tries < 2; tries++) {
            try {
                commitFinished(true);
                return;
            } catch (WakeupException e) {
                // a wakeup() that arrived while not polling; it is spent now, try again
            } catch (RuntimeException e) {
                LOG.warn(
                        "Final offset commit for {} failed; the unfinished records will be delivered again: {}",
                        topics,
                        e.toString());
                return;
            }
        }
    }

    /**
     * Partitions about to be taken away: with lanes, their records in flight first get until
     * {@code drainUntil} (or until {@code giveUp}) to finish; then no record of theirs starts any
     * more, and the offsets finished by then are returned, for {@link #commitRevoked}.
     */
    Map<TopicPartition, OffsetAndMetadata> revoke(
            Collection<TopicPartition> partitions, boolean lanes, long drainUntil, BooleanSupplier giveUp) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress == null) {
                continue;
            }
            try {
                if (lanes) {
                    partitionProgress.awaitIdle(() -> giveUp.getAsBoolean() || System.nanoTime() > drainUntil);
                }
                partitionProgress.revoke();
                partitionProgress.awaitNoneExecuting();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long offset = partitionProgress.committable();
            if (offset >= 0) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return offsets;
    }

    /** Commits what {@link #revoke} returned, synchronously, and forgets the partitions. */
    void commitRevoked(Collection<TopicPartition> partitions, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Commit on revocation of {} failed; their unfinished records will be delivered again: {}",
                        partitions,
                        e.toString());
            }
        }
        partitions.forEach(progress::remove);
    }

    /** Partitions another member owns already: committing would fail; just stop working on them. */
    void lost(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.remove(partition);
            if (partitionProgress != null) {
                partitionProgress.revoke();
            }
        }
    }
}
