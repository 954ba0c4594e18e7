package bench.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Adds one fixed 55-byte W3C {@code traceparent} header to every record and does nothing else: no
 * OpenTelemetry, no span, no metrics. A producer with it pays only what Kafka charges for the bytes
 * of a trace header (both clients and the broker), which is the floor of any per-record W3C
 * propagation on the benchmark's events.
 */
public final class FixedTraceparentInterceptor implements ProducerInterceptor<Object, Object> {
    /** The W3C specification's example: version 00, a 16-byte trace id, an 8-byte span id, not sampled. */
    private static final byte[] TRACEPARENT =
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00".getBytes(StandardCharsets.US_ASCII);

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        record.headers().add("traceparent", TRACEPARENT);
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
