package bench.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two paths measured side by side until the figures settle: warm-up pairs (A, B) until neither
 * path's throughput rose by more than {@code -Dconverge} (default 5 %) over its best earlier
 * warm-up (at least 2 pairs, at most {@code -Dwarmup.max}, default 8), then {@code rounds} pairs in
 * the order A B, B A, A B... (neither always first; a load change hits both). Reports each path's
 * median and spread (min to max) and the median of the per-round ratios B / A, which is robust to
 * a slow round on a shared machine.
 */
final class Rounds {
    /** One timed run of a path. */
    interface Run {
        Sample run() throws Exception;
    }

    /**
     * Throughput (wall time: sensitive to whatever else runs) and CPU time of the client's own
     * threads per event (user + system; much less sensitive to a loaded machine).
     */
    record Sample(double eventsPerSecond, double cpuNanosPerEvent) {}

    record Result(String nameA, String nameB, double[] a, double[] b, double[] ratios, int warmupPairs,
            double[] cpuA, double[] cpuB) {
        double medianA() {
            return median(a);
        }

        double medianB() {
            return median(b);
        }

        double medianRatio() {
            return median(ratios);
        }

        void print(String what, double target) {
            System.out.printf("  %s after %d warm-up pairs, %d rounds (events/s):%n", what, warmupPairs, a.length);
            System.out.printf("    %-34s median %,12.0f   spread %,12.0f .. %,12.0f%n", nameA, medianA(), min(a), max(a));
            System.out.printf("    %-34s median %,12.0f   spread %,12.0f .. %,12.0f%n", nameB, medianB(), min(b), max(b));
            System.out.printf("    ratio %s / %s per round %s%n", nameB, nameA, Arrays.toString(Arrays.stream(ratios)
                    .mapToObj(r -> String.format("%.2f", r)).toArray()));
            System.out.printf("    ratio median %.2f (spread %.2f .. %.2f)%s%n", medianRatio(), min(ratios), max(ratios),
                    target > 0 ? String.format("   target >= %.2f: %s", target, medianRatio() >= target ? "met" : "NOT met") : "");
            System.out.printf("    client CPU per event (user+sys of the client's threads): %s median %.0f ns, %s median %.0f ns;"
                    + " CPU ratio %s / %s = %.2f (the throughput ratio if CPU were the only limit: %.2f)%n",
                    nameA, median(cpuA), nameB, median(cpuB), nameB, nameA, median(cpuB) / median(cpuA), median(cpuA) / median(cpuB));
        }
    }

    private Rounds() {}

    static Result compare(String nameA, Run a, String nameB, Run b, int rounds) throws Exception {
        double threshold = Double.parseDouble(System.getProperty("converge", "0.05"));
        int maxPairs = Integer.getInteger("warmup.max", 8);
        double bestA = 0;
        double bestB = 0;
        int pairs = 0;
        while (pairs < maxPairs) {
            double ra = a.run().eventsPerSecond();
            double rb = b.run().eventsPerSecond();
            pairs++;
            boolean rose = ra > bestA * (1 + threshold) || rb > bestB * (1 + threshold);
            bestA = Math.max(bestA, ra);
            bestB = Math.max(bestB, rb);
            if (pairs >= 2 && !rose) {
                break;
            }
        }
        System.out.printf("  (warm-up: %d pairs%s)%n", pairs, pairs == maxPairs ? ", still rising at the limit" : ", settled");
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ca = new double[rounds];
        double[] cb = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Sample sa;
            Sample sb;
            if (round % 2 == 0) {
                sa = a.run();
                sb = b.run();
            } else {
                sb = b.run();
                sa = a.run();
            }
            ta[round] = sa.eventsPerSecond();
            tb[round] = sb.eventsPerSecond();
            ca[round] = sa.cpuNanosPerEvent();
            cb[round] = sb.cpuNanosPerEvent();
            ratios[round] = tb[round] / ta[round];
        }
        return new Result(nameA, nameB, ta, tb, ratios, pairs, ca, cb);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time (user + system) of the calling thread plus every live thread whose name starts with {@code prefix}. */
    static long cpuNanos(String prefix) {
        long total = THREADS.getCurrentThreadCpuTime();
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix) && info.getThreadId() != Thread.currentThread().getId()) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                total += Math.max(cpu, 0);
            }
        }
        return total;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
