package io.github.eventcat.runtime.kafka;

/**
 * Settings of the optional metrics and tracing of {@link EventProducer} and {@link EventConsumer}
 * (and so of every generated producer and consumer, which pass their configuration map on).
 *
 * <p>Both are off unless configured: without Micrometer or the OpenTelemetry API on the class path
 * the runtime works as before and loads none of their classes. The builders' {@code metrics(...)}
 * and {@code tracing(...)} take the same objects as these keys.
 */
public final class Observability {
    /**
     * An {@code io.micrometer.core.instrument.MeterRegistry} (the object itself, in the configuration
     * map): record counters, the handler timer, consumer lag and state, and Kafka's client metrics in it.
     */
    public static final String METRICS_REGISTRY = "eventcat.metrics.registry";
    /**
     * An {@code io.opentelemetry.api.OpenTelemetry} (the object itself): a PRODUCER span per send with
     * W3C trace headers, a CONSUMER span per record handled.
     */
    public static final String TRACING_OPENTELEMETRY = "eventcat.tracing.opentelemetry";
    /**
     * How a consumer's span relates to the producer's: {@code link} (default: a new trace with a span
     * link to the producer's span, OpenTracing's "follows from") or {@code parent} (a child of the
     * producer's span, in its trace).
     */
    public static final String TRACING_CONSUMER_RELATION = "eventcat.tracing.consumer.relation";
    /**
     * Whether a producer writes the trace headers of a send whose span the sampler dropped and that
     * has no parent span (a root send): {@code true} (default: every record carries its context, so
     * a parent-based sampler downstream follows the decision) or {@code false} (such records carry no
     * trace header: fewer bytes per record, but a consumer that takes the producer's context as parent
     * decides afresh, and its sampled spans start traces of their own). Sends that are sampled, or
     * that continue a trace (e.g. from a handler), always carry their context.
     */
    public static final String TRACING_UNSAMPLED_ROOT_HEADERS = "eventcat.tracing.unsampled-root-headers";

    private Observability() {}
}
