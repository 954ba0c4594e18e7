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
    /** One timed run of a path: events per second. */
    interface Run {
        double eventsPerSecond() throws Exception;
    }

    record Result(String nameA, String nameB, double[] a, double[] b, double[] ratios, int warmupPairs) {
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
            double ra = a.eventsPerSecond();
            double rb = b.eventsPerSecond();
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
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                ta[round] = a.eventsPerSecond();
                tb[round] = b.eventsPerSecond();
            } else {
                tb[round] = b.eventsPerSecond();
                ta[round] = a.eventsPerSecond();
            }
            ratios[round] = tb[round] / ta[round];
        }
        return new Result(nameA, nameB, ta, tb, ratios, pairs);
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
