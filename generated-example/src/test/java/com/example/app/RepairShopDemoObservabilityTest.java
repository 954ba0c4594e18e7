package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.eventcat.testservers.EmbeddedKafka;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import io.github.eventcat.testservers.WithRealServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The example's main job on the real servers: with {@code --metrics --tracing} it prints the
 * counters and one trace per ticket through the three services; on shutdown, every consumer's
 * health. Without the flags neither metrics nor traces are printed.
 */
@WithRealServers
class RepairShopDemoObservabilityTest {
    private static final String SHUTDOWN_LINE =
            "secretary: STOPPED, partitions [tickets-0, tickets-1, tickets-2], lag ";

    @Test
    void withMetricsAndTracingPrintsThemAndTheHealthOnShutdown(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        String out = run(kafka, registry, true);
        assertThat(out).contains("2 of 2 tickets closed");
        assertThat(out)
                .contains("Consumers on shutdown:")
                .contains(SHUTDOWN_LINE)
                .contains("cash desk: STOPPED, partitions [appointments-0")
                .contains("ticketing: STOPPED, partitions [payments-0");
        assertThat(out)
                .contains("Metrics:")
                .contains("eventcat.producer.sent{TicketOpened,tickets} = 2")
                .contains("eventcat.producer.sent{AppointmentBooked,appointments} = 2")
                .contains("eventcat.consumer.handled{PaymentRegistered,payments} = 2");
        assertThat(out).contains("Traces: ");
        // One trace per ticket: opened → booked → paid → closed, through the three services.
        assertThat(out.lines()
                        .filter(line -> line.contains(": send tickets → process tickets → send appointments"
                                + " → process appointments → send payments → process payments → send tickets")))
                .hasSize(2);
    }

    @Test
    void offByDefault(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String out = run(kafka, registry, false);
        assertThat(out)
                .contains("2 of 2 tickets closed")
                .contains(SHUTDOWN_LINE)
                .doesNotContain("Metrics:")
                .doesNotContain("Traces:");
    }

    private static String run(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, boolean observe) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = RepairShopDemo.run(
                new RepairShopDemo.Settings(
                        Optional.of(kafka.bootstrapServers()),
                        Optional.of(registry.url()),
                        Path.of("src/main/catalog"),
                        2,
                        observe,
                        observe),
                out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(exit).as(text).isZero();
        return text;
    }
}
