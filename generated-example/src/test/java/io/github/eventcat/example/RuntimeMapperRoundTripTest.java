package io.github.eventcat.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.events.TaskEvent;
import com.example.events.TaskReminder;
import com.example.events.TaskUpdate;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcat.runtime.serde.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mapper the runtime's JSON serdes use (it leaves out absent optional properties) still
 * writes the seed documents back exactly, including the explicit {@code "recurring": null} that
 * the schema allows.
 */
class RuntimeMapperRoundTripTest {
    private final ObjectMapper mapper = JsonMappers.standard();

    @ParameterizedTest
    @CsvSource({
        "task-event.json, com.example.events.TaskEvent",
        "task-reminder.json, com.example.events.TaskReminder",
        "task-update.json, com.example.events.TaskUpdate",
    })
    void writesTheSeedDocumentBack(String seed, Class<?> type) throws IOException {
        String json = seed(seed);

        Object value = mapper.readValue(json, type);

        assertThat(value).isInstanceOfAny(TaskEvent.class, TaskReminder.class, TaskUpdate.class);
        assertThat(mapper.writeValueAsString(value)).isEqualTo(mapper.writeValueAsString(mapper.readTree(json)));
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = RuntimeMapperRoundTripTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("test resource /seeds/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
