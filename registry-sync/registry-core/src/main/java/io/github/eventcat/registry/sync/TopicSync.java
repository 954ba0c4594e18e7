package io.github.eventcat.registry.sync;

import io.github.eventcat.catalog.Topic;
import io.github.eventcat.runtime.kafka.KafkaSecurityErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The catalog's topics on a Kafka cluster, through Kafka's Admin client: creates missing topics with
 * their partitions and {@code retention.ms}, adds partitions when the catalog asks for more, never
 * removes any, and reports what else differs (fewer partitions wanted, another retention) as drift.
 */
final class TopicSync {
    private final Admin admin;
    private final long timeoutMs;
    private final KafkaSecurityErrors securityErrors;

    TopicSync(Admin admin, long timeoutMs) {
        this(admin, timeoutMs, KafkaSecurityErrors.of(Map.of()));
    }

    /** {@code securityErrors}: made from the Admin's configuration, to say which login or ACL to check. */
    TopicSync(Admin admin, long timeoutMs, KafkaSecurityErrors securityErrors) {
        this.admin = Objects.requireNonNull(admin, "admin == null");
        this.timeoutMs = timeoutMs;
        this.securityErrors = Objects.requireNonNull(securityErrors, "securityErrors == null");
    }

    /**
     * The catalog's topics and, when {@code deadLetterSuffix} is given, a dead-letter topic
     * ({@code <topic><suffix>}, the generated consumers' convention) with the same partitions next to each.
     */
    static List<WantedTopic> wanted(Collection<Topic> topics, Optional<String> deadLetterSuffix) {
        List<WantedTopic> wanted = new ArrayList<>();
        for (Topic topic : topics) {
            wanted.add(new WantedTopic(topic.name(), topic.partitions(), topic.retentionMs()));
            deadLetterSuffix.ifPresent(suffix -> wanted.add(
                    new WantedTopic(topic.name() + suffix, topic.partitions(), java.util.OptionalLong.empty())));
        }
        return wanted;
    }

    List<TopicPlan> plan(List<WantedTopic> topics) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<String> present = topics.stream()
                .map(WantedTopic::name)
                .filter(existing::contains)
                .toList();
        Map<String, TopicDescription> descriptions = present.isEmpty()
                ? Map.of()
                : await(admin.describeTopics(present).allTopicNames(), "describe topics " + present);
        Map<ConfigResource, Config> configs = present.isEmpty()
                ? Map.of()
                : await(
                        admin.describeConfigs(present.stream()
                                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                                        .toList())
                                .all(),
                        "describe topic configs " + present);
        List<TopicPlan> plans = new ArrayList<>();
        for (WantedTopic topic : topics) {
            TopicDescription description = descriptions.get(topic.name());
            if (description == null) {
                plans.add(new TopicPlan(
                        topic.name(),
                        TopicActionType.CREATE_TOPIC,
                        topic.partitions(),
                        OptionalInt.empty(),
                        topic.retentionMs(),
                        List.of()));
                continue;
            }
            int current = description.partitions().size();
            List<String> drift = new ArrayList<>();
            TopicActionType action = TopicActionType.UNCHANGED;
            if (topic.partitions().isPresent() && topic.partitions().getAsInt() > current) {
                action = TopicActionType.INCREASE_PARTITIONS;
            } else if (topic.partitions().isPresent() && topic.partitions().getAsInt() < current) {
                drift.add("has " + current + " partitions, the catalog says "
                        + topic.partitions().getAsInt() + " (partitions are never removed)");
            }
            Optional<String> retention = Optional.ofNullable(
                            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))
                    .map(c -> c.get(TopicConfig.RETENTION_MS_CONFIG))
                    .map(ConfigEntry::value);
            if (topic.retentionMs().isPresent()
                    && retention.isPresent()
                    && !retention.get().equals(Long.toString(topic.retentionMs().getAsLong()))) {
                drift.add("retention.ms is " + retention.get() + ", the catalog says "
                        + topic.retentionMs().getAsLong() + " (change it with kafka-configs)");
            }
            if (action == TopicActionType.UNCHANGED && !drift.isEmpty()) {
                action = TopicActionType.DRIFT;
            }
            plans.add(new TopicPlan(
                    topic.name(), action, topic.partitions(), OptionalInt.of(current), topic.retentionMs(), drift));
        }
        return plans;
    }

    List<TopicOutcome> apply(List<TopicPlan> plans) {
        List<TopicOutcome> outcomes = new ArrayList<>();
        for (TopicPlan plan : plans) {
            try {
                switch (plan.action()) {
                    case CREATE_TOPIC -> {
                        NewTopic topic = new NewTopic(
                                plan.topic(),
                                plan.partitions().isPresent()
                                        ? Optional.of(plan.partitions().getAsInt())
                                        : Optional.empty(),
                                Optional.empty());
                        plan.retentionMs()
                                .ifPresent(ms ->
                                        topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(ms))));
                        await(admin.createTopics(List.of(topic)).all(), "create topic " + plan.topic());
                        awaitLeaders(plan.topic(), plan.partitions().orElse(1));
                    }
                    case INCREASE_PARTITIONS -> {
                        await(
                                admin.createPartitions(Map.of(
                                                plan.topic(),
                                                NewPartitions.increaseTo(
                                                        plan.partitions().getAsInt())))
                                        .all(),
                                "add partitions to topic " + plan.topic());
                        awaitLeaders(plan.topic(), plan.partitions().getAsInt());
                    }
                    default -> {
                        outcomes.add(new TopicOutcome(plan, OutcomeStatus.UNCHANGED, ""));
                        continue;
                    }
                }
                outcomes.add(new TopicOutcome(plan, OutcomeStatus.APPLIED, ""));
            } catch (TopicSyncException e) {
                outcomes.add(new TopicOutcome(plan, OutcomeStatus.FAILED, e.getMessage()));
            }
        }
        return outcomes;
    }

    /**
     * Waits until the topic has its partitions, each with a leader. The Admin call completes when the
     * controller has the change; brokers learn it a moment later, and a producer started right after
     * registry:sync must not meet "unknown topic or partition".
     */
    private void awaitLeaders(String topic, int partitions) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(timeoutMs, TimeUnit.MILLISECONDS)
                        .get(topic);
                if (description != null
                        && description.partitions().size() >= partitions
                        && description.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not known to the broker yet: ask again until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSyncException("Interrupted while waiting for topic " + topic + " to get its leaders", e);
            }
            if (System.nanoTime() > deadline) {
                throw new TopicSyncException(
                        "Tried to wait for topic " + topic + " to have " + partitions
                                + " partitions with leaders but it did not within " + timeoutMs
                                + " ms — check the brokers' health",
                        null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSyncException("Interrupted while waiting for topic " + topic + " to get its leaders", e);
            }
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String action) {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = securityErrors.explain(e.getCause());
            throw new TopicSyncException("Tried to " + action + " but failed because: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new TopicSyncException(
                    "Tried to " + action + " but the cluster did not answer within " + timeoutMs
                            + " ms — check bootstrap.servers and that the brokers are reachable",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSyncException("Interrupted while trying to " + action, e);
        }
    }

    /** A topic the cluster should have: its partitions and {@code retention.ms} (empty: the broker's default). */
    record WantedTopic(String name, OptionalInt partitions, java.util.OptionalLong retentionMs) {}
}
