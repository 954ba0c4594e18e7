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
            System.out.printf("  %s after %d warm-up passes, %d rounds (events/s):%n", what, warmupPairs, a.length);
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
        return compareAll(List.of(nameA, nameB), List.of(a, b), rounds).pair(0, 1);
    }

    /** Every path's rounds, measured together; {@link #pair} gives the comparison of two of them. */
    record Multi(List<String> names, double[][] perSecond, double[][] cpu, int warmupPairs) {
        Result pair(int baseline, int subject) {
            double[] ratios = new double[perSecond[baseline].length];
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = perSecond[subject][r] / perSecond[baseline][r];
            }
            return new Result(names.get(baseline), names.get(subject), perSecond[baseline], perSecond[subject], ratios,
                    warmupPairs, cpu[baseline], cpu[subject]);
        }
    }

    /**
     * Warm-up passes over every path until no path's client CPU per event fell by more than
     * {@code -Dconverge} (5 %) below its best earlier pass (at least 2 passes, at most
     * {@code -Dwarmup.max}); then {@code rounds} measured passes, each in a rotated order so that no
     * path is always first. Prints whether the warm-up settled and whether the measured rounds still
     * drifted (client CPU per event of the first two rounds against the last two).
     */
    static Multi compareAll(List<String> names, List<Run> runs, int rounds) throws Exception {
        double threshold = Double.parseDouble(System.getProperty("converge", "0.05"));
        int maxPairs = Integer.getInteger("warmup.max", 8);
        int n = runs.size();
        double[] bestCpu = new double[n];
        Arrays.fill(bestCpu, Double.MAX_VALUE);
        int pairs = 0;
        boolean improved = true;
        while (pairs < maxPairs && (pairs < 2 || improved)) {
            improved = false;
            for (int i = 0; i < n; i++) {
                Sample s = runs.get(i).run();
                // Client CPU per event, not throughput: on a shared machine throughput jumps with others' load and
                // would never settle; CPU per event falls while the JIT still works and then stays.
                if (s.cpuNanosPerEvent() < bestCpu[i] * (1 - threshold)) {
                    improved = true;
                }
                bestCpu[i] = Math.min(bestCpu[i], s.cpuNanosPerEvent());
            }
            pairs++;
        }
        System.out.printf("  (warm-up: %d passes over %d paths, %s)%n", pairs, n, improved
                ? "STILL IMPROVING at the limit (-Dwarmup.max): not converged"
                : String.format("converged: no path's client CPU per event fell by more than %.0f %% below its best earlier pass",
                        threshold * 100));
        double[][] rate = new double[n][rounds];
        double[][] cpu = new double[n][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < n; k++) {
                int i = round % 2 == 0 ? (round / 2 + k) % n : (round / 2 + n - 1 - k) % n; // rotated, every other round reversed
                Sample s = runs.get(i).run();
                rate[i][round] = s.eventsPerSecond();
                cpu[i][round] = s.cpuNanosPerEvent();
            }
        }
        if (rounds >= 4) {
            for (int i = 0; i < n; i++) {
                double early = (cpu[i][0] + cpu[i][1]) / 2;
                double late = (cpu[i][rounds - 2] + cpu[i][rounds - 1]) / 2;
                double drift = late / early - 1;
                System.out.printf("  (measured rounds of %s: client CPU per event, first two %.0f ns, last two %.0f ns: %+.0f %%, %s)%n",
                        names.get(i), early, late, drift * 100, Math.abs(drift) <= 2 * threshold ? "stable" : "STILL MOVING");
            }
        }
        return new Multi(List.copyOf(names), rate, cpu, pairs);
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
