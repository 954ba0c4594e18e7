package io.github.eventcat.runtime.kafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.eventcat.runtime.registry.SchemaRegistryClient;
import io.github.eventcat.runtime.serde.AvroDeserializer;
import io.github.eventcat.runtime.testevents.TicketOpened;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group in a JVM of its own, so that a test can kill it for real
 * (no commit, no close, no leave-group). Prints {@code H <partition> <offset> <key> <seq> <epochMillis>}
 * for every event it handled, before the handler returns (so before any commit of it).
 *
 * <p>Arguments: bootstrap servers, registry URL, topic, group id.
 */
public final class GroupMemberMain {
    private GroupMemberMain() {}

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Map<String, Object> config =
                new HashMap<>(ConsumerGroupRebalanceRealServersTest.memberConfig(args[0], args[1]));
        EventConsumer<Object> consumer = EventConsumer.builder(config)
                .topics(args[2])
                .groupId(args[3])
                .valueDeserializer(new AvroDeserializer<>(
                        SchemaRegistryClient.fromConfig(config),
                        Map.of(TicketOpened.SCHEMA$.getFullName(), TicketOpened.class)))
                .handler(EventDispatcher.builder()
                        .on(TicketOpened.class, (event, context) -> {
                            Thread.sleep(25); // slower than the others, it falls behind, so records are in flight,
                            // uncommitted, when it dies
                            synchronized (out) {
                                out.println(
                                        "H " + context.partition() + " " + context.offset() + " " + event.getTicketId()
                                                + " " + event.getPriority() + " " + System.currentTimeMillis());
                                out.flush();
                            }
                        })
                        .build())
                .build();
        consumer.run(); // until the test kills this JVM
    }
}
