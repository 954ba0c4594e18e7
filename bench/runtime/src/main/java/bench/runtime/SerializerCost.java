package bench.runtime;

import com.example.repairshop.TicketOpened;
import io.github.eventcat.runtime.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Serializer cost per record, single-threaded: the runtime's {@code AvroSerializer} (wire format:
 * magic byte, schema id, Avro binary) next to Avro's bare {@code SpecificDatumWriter} writing the
 * same records to a fresh {@code byte[]} with a reused encoder (the least any serializer does).
 */
final class SerializerCost {
    private static final int MEASURED_PASSES = 5;

    record Figures(double runtimeNanos, double bareNanos) {}

    private SerializerCost() {}

    static Figures measure(AvroSerializer<TicketOpened> serializer, String topic, List<TicketOpened> events, int records) {
        ToIntFunction<TicketOpened> runtime = e -> serializer.serialize(topic, e).length;
        ToIntFunction<TicketOpened> bare = new BareWriter();
        // One pass each for the JIT, then alternate so that both see the same machine load.
        pass(runtime, events, records);
        pass(bare, events, records);
        double[] runtimeNanos = new double[MEASURED_PASSES];
        double[] bareNanos = new double[MEASURED_PASSES];
        for (int p = 0; p < MEASURED_PASSES; p++) {
            runtimeNanos[p] = pass(runtime, events, records);
            bareNanos[p] = pass(bare, events, records);
        }
        return new Figures(median(runtimeNanos), median(bareNanos));
    }

    /** Nanoseconds per record of one pass. */
    private static double pass(ToIntFunction<TicketOpened> write, List<TicketOpened> events, int records) {
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            bytes += write.applyAsInt(events.get(i % events.size()));
        }
        long elapsed = System.nanoTime() - start;
        if (bytes == 0) {
            throw new IllegalStateException("nothing was written"); // also keeps the JIT from dropping the loop
        }
        return (double) elapsed / records;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final class BareWriter implements ToIntFunction<TicketOpened> {
        private final SpecificDatumWriter<TicketOpened> writer = new SpecificDatumWriter<>(TicketOpened.class);
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private BinaryEncoder encoder;

        @Override
        public int applyAsInt(TicketOpened event) {
            out.reset();
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            try {
                writer.write(event, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray().length;
        }
    }
}
