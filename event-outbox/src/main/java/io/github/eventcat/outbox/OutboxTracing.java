package io.github.eventcat.outbox;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How the outbox carries a trace: the writer stores the current trace context in the row's headers,
 * the relay sends the row in a span continuing it. Mentions no OpenTelemetry type: the implementation
 * that does ({@code OtelOutboxTracing}) is loaded by name only when an instance is given, so a service
 * without the OpenTelemetry API never loads it.
 */
interface OutboxTracing {
    OutboxTracing NONE = new OutboxTracing() {
        @Override
        public void inject(Headers headers) {}

        @Override
        public Send send(OutboxRecord record) {
            return NO_SEND;
        }
    };

    Send NO_SEND = new Send() {
        @Override
        public Iterable<Header> headers(Iterable<Header> stored) {
            return stored;
        }

        @Override
        public void done(Throwable error) {}
    };

    /** Writer: the current trace context into the row's headers. */
    void inject(Headers headers);

    /** Relay: one row's send. */
    Send send(OutboxRecord record);

    interface Send {
        /** The headers to send: the row's, with the trace context of the send's span. */
        Iterable<Header> headers(Iterable<Header> stored);

        void done(Throwable error);
    }

    static OutboxTracing of(Object openTelemetry) {
        try {
            return (OutboxTracing) Class.forName(
                            "io.github.eventcat.outbox.OtelOutboxTracing", true, OutboxTracing.class.getClassLoader())
                    .getDeclaredConstructor(Object.class)
                    .newInstance(openTelemetry);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(
                    "tracing needs the OpenTelemetry API (io.opentelemetry:opentelemetry-api)"
                            + " on the class path: add it to the application",
                    e);
        }
    }
}
