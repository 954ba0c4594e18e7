package bench.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same benchmarks as {@link SerdeBench}, timed by the thread's CPU time (user + system) rather
 * than the wall clock, in interleaved passes (A B, B A, ...) after warm-up passes: on a shared,
 * loaded machine the wall clock also counts the time the thread waited for a CPU, the CPU time
 * does not. Prints the median CPU ns per call and the ratios.
 */
final class SerdeCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Op {
        Object call() throws Exception;
    }

    private SerdeCpu() {}

    static void run(int passes, int warmups, int calls) throws Exception {
        SerdeBench bench = new SerdeBench();
        bench.setUp();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("avroSerializer", bench::avroSerializer);
        ops.put("avroBareWriter", bench::avroBareWriter);
        ops.put("avroDeserializer", bench::avroDeserializer);
        ops.put("avroBareReader", bench::avroBareReader);
        ops.put("jsonSerializer", bench::jsonSerializer);
        ops.put("jsonJacksonWrite", bench::jsonJacksonWrite);
        ops.put("jsonSerializerValidating", bench::jsonSerializerValidating);
        ops.put("jsonDeserializer", bench::jsonDeserializer);
        ops.put("jsonJacksonRead", bench::jsonJacksonRead);
        String[][] pairs = {
            {"avroSerializer", "avroBareWriter", "1.1"},
            {"avroDeserializer", "avroBareReader", "1.1"},
            {"jsonSerializer", "jsonJacksonWrite", "1.2"},
            {"jsonSerializerValidating", "jsonJacksonWrite", "0"},
            {"jsonDeserializer", "jsonJacksonRead", "1.2"},
        };
        System.out.println();
        System.out.printf("Serde CPU time per call (thread CPU, median of %d interleaved passes of %,d calls after %d warm-up passes)%n",
                passes, calls, warmups);
        for (String[] pair : pairs) {
            Op a = ops.get(pair[0]);
            Op b = ops.get(pair[1]);
            int validatingCalls = pair[0].contains("Validating") ? calls / 10 : calls;
            for (int w = 0; w < warmups; w++) {
                pass(a, validatingCalls);
                pass(b, validatingCalls);
            }
            double[] ta = new double[passes];
            double[] tb = new double[passes];
            for (int p = 0; p < passes; p++) {
                if (p % 2 == 0) {
                    ta[p] = pass(a, validatingCalls);
                    tb[p] = pass(b, validatingCalls);
                } else {
                    tb[p] = pass(b, validatingCalls);
                    ta[p] = pass(a, validatingCalls);
                }
            }
            double ma = Rounds.median(ta);
            double mb = Rounds.median(tb);
            double target = Double.parseDouble(pair[2]);
            System.out.printf("  %-26s %8.0f ns   %-18s %8.0f ns   ratio %.2f%s%n", pair[0], ma, pair[1], mb, ma / mb,
                    target > 0 ? String.format("  (target <= %.1f: %s)", target, ma / mb <= target ? "met" : "NOT met") : "  (reported)");
        }
    }

    /** CPU nanoseconds per call of one pass. */
    private static double pass(Op op, int calls) throws Exception {
        int sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            if (op.call() == null) {
                sink++;
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (sink > 0) {
            throw new IllegalStateException(sink + " calls returned nothing");
        }
        return (double) cpu / calls;
    }
}
