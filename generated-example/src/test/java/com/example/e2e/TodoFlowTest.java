package com.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.example.events.EventCatalog;
import com.example.events.Priority;
import com.example.events.RemindersConsumer;
import com.example.events.RemindersProducer;
import com.example.events.TaskData;
import com.example.events.TaskEvent;
import com.example.events.TaskEventsConsumer;
import com.example.events.TaskEventsProducer;
import com.example.events.TaskReminder;
import com.example.events.TaskUpdate;
import com.example.events.TaskUpdatesConsumer;
import com.example.events.TaskUpdatesProducer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcat.runtime.kafka.EventContext;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.JsonEventType;
import io.github.eventcat.runtime.serde.JsonSchemaSerializer;
import io.github.eventcat.runtime.serde.JsonValidationException;
import io.github.eventcat.runtime.serde.SerdeConfig;
import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The todo app with JSON Schema events: a chat front end sends task events ({@code task-events},
 * TOPIC naming); the todo service turns each into a client update ({@code task-updates},
 * TOPIC_RECORD) and, for tasks with a due date, a reminder ({@code reminders}, RECORD).
 */
@WithRealServers
class TodoFlowTest {
    /** An event as a consumer saw it. */
    record Seen(Object event, String topic, String key, int partition) {}

    private Map<String, Object> config;

    @BeforeEach
    void setUp(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        E2e.registerCatalog(registry);
        E2e.freshTopics(kafka, "task-events", "task-updates", "reminders");
        config = E2e.config(kafka, registry);
    }

    @Test
    void anInvalidValueInsideAReferencedSchemaIsRejectedBeforeSendingWithItsPath() {
        // The generated records cannot hold a bad priority (an enum), so send the event as JSON with the
        // schemas the generated TaskEventsProducer validates against: task_event.json → task_data.json
        // → priority.json, followed across files.
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = json.valueToTree(Map.of(
                "event_id",
                UUID.randomUUID().toString(),
                "event_type",
                "created",
                "timestamp",
                "2026-12-01T09:00:00Z",
                "user_id",
                "dave",
                "task_id",
                9,
                "task_data",
                Map.of("title", "Urgent thing", "completed", false, "priority", "urgent"),
                "metadata",
                Map.of("source", "api", "correlation_id", "corr-9")));
        JsonSchemaSerializer<ObjectNode> serializer = new JsonSchemaSerializer<>(
                SchemaRegistryClient.fromConfig(config),
                SerdeConfig.from(config, false),
                false,
                List.of(new JsonEventType<>(
                        ObjectNode.class,
                        "TaskEvent",
                        EventCatalog.Schemas.TASK_EVENT,
                        Map.of(
                                "task_data.json",
                                EventCatalog.Schemas.TASK_DATA,
                                "priority.json",
                                EventCatalog.Schemas.PRIORITY))));

        assertThatThrownBy(() -> serializer.serialize("task-events", event))
                .isInstanceOfSatisfying(JsonValidationException.class, e -> assertThat(e.violations())
                        .extracting(JsonValidationException.Violation::pointer, JsonValidationException.Violation::rule)
                        .containsExactly(tuple("/task_data/priority", "enum")));
        // Fixed, the same event is found under the subject registered with references, and written.
        ((ObjectNode) event.get("task_data")).put("priority", "high");
        assertThat(serializer.serialize("task-events", event)[0]).isZero();
    }

    @Test
    void taskEventsBecomeUpdatesAndRemindersKeyedByUser() throws Exception {
        List<Seen> updates = new CopyOnWriteArrayList<>();
        List<Seen> reminders = new CopyOnWriteArrayList<>();
        List<Seen> taskEvents = new CopyOnWriteArrayList<>();
        Instant due = Instant.parse("2026-12-24T18:00:00Z");
        List<TaskEvent> sent = List.of(
                taskEvent("alice", 1, "Buy a tree", due, List.of("xmas")),
                taskEvent("bob", 2, "Call mum", null, null),
                taskEvent("alice", 3, "Wrap presents", due.minus(1, ChronoUnit.DAYS), List.of()),
                taskEvent("carol", 4, "Book flights", null, List.of("travel", "urgent")));

        try (TaskUpdatesProducer updatesOut = new TaskUpdatesProducer(config);
                RemindersProducer remindersOut = new RemindersProducer(config);
                TaskEventsConsumer todoService = new TaskEventsConsumer(
                                E2e.consumerConfig(config, "todo-service"), (event, context) -> {
                                    taskEvents.add(seen(event, context));
                                    updatesOut.send(update(event)).get(30, TimeUnit.SECONDS);
                                    if (event.taskData().dueDate() != null) {
                                        remindersOut.send(reminder(event)).get(30, TimeUnit.SECONDS);
                                    }
                                })
                        .start();
                TaskUpdatesConsumer clients = new TaskUpdatesConsumer(
                                E2e.consumerConfig(config, "clients"),
                                (event, context) -> updates.add(seen(event, context)))
                        .start();
                RemindersConsumer notifier = new RemindersConsumer(
                                E2e.consumerConfig(config, "notifier"),
                                (event, context) -> reminders.add(seen(event, context)))
                        .start();
                TaskEventsProducer chat = new TaskEventsProducer(config)) {
            for (TaskEvent event : sent) {
                chat.send(event, Map.of("source", "chat")).get(30, TimeUnit.SECONDS);
            }
            E2e.await("4 updates and 2 reminders", () -> updates.size() == 4 && reminders.size() == 2);
        }

        assertThat(taskEvents).extracting(Seen::event).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(updates)
                .extracting(s -> ((TaskUpdate) s.event()).task().id())
                .containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(reminders)
                .extracting(s -> ((TaskReminder) s.event()).taskId())
                .containsExactlyInAnyOrder(1, 3);
        for (Seen seen : concat(taskEvents, updates, reminders)) {
            assertThat(seen.key()).isEqualTo(userOf(seen.event()));
            assertThat(seen.partition())
                    .as("%s", seen)
                    .isEqualTo(E2e.partitionFor(seen.key(), E2e.partitions(seen.topic())));
        }
        TaskUpdate first = (TaskUpdate) updates.stream()
                .filter(s -> ((TaskUpdate) s.event()).task().id() == 1)
                .findFirst()
                .orElseThrow()
                .event();
        assertThat(first.updateType()).isEqualTo(TaskUpdate.UpdateType.CREATED);
        assertThat(first.task().title()).isEqualTo("Buy a tree");
        assertThat(first.task().priority()).isEqualTo(Priority.HIGH);
        TaskReminder reminder = (TaskReminder) reminders.stream()
                .filter(s -> ((TaskReminder) s.event()).taskId() == 1)
                .findFirst()
                .orElseThrow()
                .event();
        assertThat(reminder.dueAt()).isEqualTo(due);
        assertThat(reminder.remindAt()).isEqualTo(due.minus(Duration.ofHours(1)));
        assertThat(reminder.reminderType()).isEqualTo(TaskReminder.ReminderType.ONE_HOUR_BEFORE);
    }

    private static TaskEvent taskEvent(String user, int taskId, String title, Instant due, List<String> tags) {
        return TaskEvent.builder()
                .eventId(UUID.randomUUID())
                .eventType(TaskEvent.EventType.CREATED)
                .timestamp(Instant.parse("2026-12-01T09:00:00Z").plusSeconds(taskId))
                .userId(user)
                .taskId(taskId)
                .taskData(new TaskData(title, false, Priority.HIGH, tags, due, null))
                .metadata(new TaskEvent.Metadata(TaskEvent.Metadata.Source.CHAT, "corr-" + taskId))
                .build();
    }

    private static TaskUpdate update(TaskEvent event) {
        return new TaskUpdate(
                UUID.randomUUID(),
                event.timestamp(),
                event.userId(),
                TaskUpdate.UpdateType.CREATED,
                new TaskUpdate.Task(
                        event.taskId(),
                        event.taskData().title(),
                        event.taskData().completed(),
                        event.taskData().priority()));
    }

    private static TaskReminder reminder(TaskEvent event) {
        Instant due = event.taskData().dueDate();
        return new TaskReminder(
                UUID.randomUUID(),
                event.timestamp(),
                event.taskId(),
                event.userId(),
                event.taskData().title(),
                due,
                due.minus(Duration.ofHours(1)),
                TaskReminder.ReminderType.ONE_HOUR_BEFORE);
    }

    private static Seen seen(Object event, EventContext context) {
        return new Seen(event, context.topic(), context.key(), context.partition());
    }

    private static String userOf(Object event) {
        if (event instanceof TaskEvent e) {
            return e.userId();
        } else if (event instanceof TaskUpdate e) {
            return e.userId();
        }
        return ((TaskReminder) event).userId();
    }

    @SafeVarargs
    private static List<Seen> concat(List<Seen>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
