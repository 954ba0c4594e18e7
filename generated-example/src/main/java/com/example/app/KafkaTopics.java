package com.example.app;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalog's topics, and a dead-letter topic ({@code <topic>.dlq}) next to each, with
 * the catalog's partitions and retention. Topics that exist already are left as they are.
 */
public final class KafkaTopics {
  private KafkaTopics() {}

  /** Creates what is missing; returns the names of the topics created. */
  public static List<String> createAll(Admin admin, Catalog catalog)
      throws InterruptedException {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic topic : catalog.topics()) {
      Optional<Integer> partitions = topic.partitions().isPresent()
          ? Optional.of(topic.partitions().getAsInt()) : Optional.empty();
      NewTopic newTopic = new NewTopic(topic.name(), partitions, Optional.empty());
      topic.retentionMs().ifPresent(ms -> newTopic.configs(Map.of("retention.ms", Long.toString(ms))));
      topics.add(newTopic);
      topics.add(new NewTopic(topic.name() + ".dlq", partitions, Optional.empty()));
    }
    List<String> created = new ArrayList<>();
    for (var result : admin.createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get();
        created.add(result.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Tried to create topic " + result.getKey()
              + " but failed because: " + e.getCause(), e.getCause());
        }
      }
    }
    return created.stream().sorted().toList();
  }
}
