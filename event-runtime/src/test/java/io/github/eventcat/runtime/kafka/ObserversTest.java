package io.github.eventcat.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which observers a configuration turns on, and the messages for settings of the wrong kind. */
class ObserversTest {
    @Test
    void nothingConfiguredIsTheSharedNoOp() {
        assertThat(Observers.producer(new HashMap<>(), null, null)).isSameAs(Observers.NO_SENDS);
        assertThat(Observers.consumer(new HashMap<>(), null, null)).isSameAs(Observers.NO_RECORDS);
    }

    @Test
    void aRegistryOrAnOpenTelemetryTurnsItsObserverOn() {
        Map<String, Object> config = new HashMap<>(Map.of(Observability.METRICS_REGISTRY, new SimpleMeterRegistry()));
        assertThat(Observers.producer(config, null, null)).isInstanceOf(MicrometerProducerMetrics.class);
        assertThat(Observers.consumer(new HashMap<>(), null, OpenTelemetry.noop()))
                .isInstanceOf(OtelConsumerTracing.class);
        assertThat(Observers.consumer(config, null, OpenTelemetry.noop())
                        .getClass()
                        .getSimpleName())
                .isEqualTo("BothConsume");
    }

    @Test
    void aSettingOfTheWrongKindSaysWhatItMustBe() {
        assertThatThrownBy(() -> Observers.producer(
                        new HashMap<>(Map.of(Observability.METRICS_REGISTRY, "prometheus")), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "eventcat.metrics.registry must be an io.micrometer.core.instrument.MeterRegistry object, not java.lang.String:"
                                + " put the registry itself in the configuration map");
        assertThatThrownBy(() -> Observers.consumer(
                        new HashMap<>(Map.of(Observability.TRACING_OPENTELEMETRY, "otel")), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "eventcat.tracing.opentelemetry must be an io.opentelemetry.api.OpenTelemetry object, not java.lang.String:"
                                + " put the instance itself in the configuration map");
        assertThatThrownBy(() -> Observers.consumer(
                        new HashMap<>(Map.of(Observability.TRACING_CONSUMER_RELATION, "child")),
                        null,
                        OpenTelemetry.noop()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "eventcat.tracing.consumer.relation=child is not a relation: use link (a new trace linked to the"
                                + " producer's span) or parent (a child in its trace)");
        assertThatThrownBy(() -> Observers.producer(
                        new HashMap<>(Map.of(Observability.TRACING_UNSAMPLED_ROOT_HEADERS, "no")),
                        null,
                        OpenTelemetry.noop()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "eventcat.tracing.unsampled-root-headers=no is not a boolean: use true (default: every send carries"
                                + " its trace context) or false (unsampled root sends carry no trace header)");
    }
}
