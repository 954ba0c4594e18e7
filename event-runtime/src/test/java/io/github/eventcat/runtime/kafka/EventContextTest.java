package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The consumer's context (key and timestamp made on first use) is the same value as one made with the public constructor. */
class EventContextTest {
    @Test
    void theConsumersLazyContextEqualsTheEagerOne() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("h", "v".getBytes(StandardCharsets.UTF_8));
        EventContext lazy =
                new EventContext("t", 2, 41, "clé-1".getBytes(StandardCharsets.UTF_8), 1_700_000_000_123L, headers, 3);
        EventContext eager =
                new EventContext("t", 2, 41, "clé-1", Instant.ofEpochMilli(1_700_000_000_123L), headers, 3);

        assertThat(lazy.key()).isEqualTo("clé-1");
        assertThat(lazy.timestamp()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(lazy.header("h")).isEqualTo("v");
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(lazy.toString()).isEqualTo(eager.toString()).contains("key=clé-1", "attempt=3");
        assertThat(new EventContext("t", 2, 41, (byte[]) null, 0L, headers, 1).key())
                .isNull();
        assertThat(new EventContext("t", 2, 41, "k", null, headers, 1).timestamp())
                .isNull();
        assertThat(lazy).isNotEqualTo(new EventContext("t", 2, 41, "clé-2", lazy.timestamp(), headers, 3));
    }
}
