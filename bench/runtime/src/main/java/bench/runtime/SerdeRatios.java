package bench.runtime;

import io.github.eventcat.registry.sync.RegistryConnection;
import io.github.eventcat.registry.sync.RegistrySync;
import io.github.eventcat.registry.sync.SyncRequest;
import io.github.eventcat.testservers.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SerdeBench} with JMH against a registry started here (the example catalog registered
 * as {@code registry:sync} does) and prints each serde's cost beside its bare library's, with the
 * ratio and the bytes allocated per call. {@code -Dforks} (2), {@code -Dwarmups} (5),
 * {@code -Diterations} (5), {@code -Dseconds} (1 per iteration), {@code -Dinclude} (a regex of
 * benchmark names); first, unless {@code -Dmode=jmh}, the same calls timed by thread CPU time
 * ({@link SerdeCpu}; {@code -Dmode=cpu} runs only that).
 */
public final class SerdeRatios {
    private SerdeRatios() {}

    public static void main(String[] args) throws Exception {
        Path catalog = Path.of(System.getProperty("catalog", "../../generated-example/src/main/catalog"));
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
            new RegistrySync(line -> { }).sync(new SyncRequest(RegistryConnection.of(registry.url()), catalog,
                    SyncRequest.DEFAULT_PARALLELISM, false, false, Optional.empty()));
            String mode = System.getProperty("mode", "both"); // jmh, cpu or both
            if (!mode.equals("jmh")) {
                System.setProperty("bench.registry.url", registry.url());
                SerdeCpu.run(Integer.getInteger("cpu.passes", 7), Integer.getInteger("cpu.warmups", 3),
                        Integer.getInteger("cpu.calls", 200_000));
                if (mode.equals("cpu")) {
                    return;
                }
            }
            int seconds = Integer.getInteger("seconds", 1);
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(SerdeBench.class.getName() + "\\." + System.getProperty("include", ".*"))
                    .forks(Integer.getInteger("forks", 2))
                    .warmupIterations(Integer.getInteger("warmups", 5))
                    .warmupTime(TimeValue.seconds(seconds))
                    .measurementIterations(Integer.getInteger("iterations", 5))
                    .measurementTime(TimeValue.seconds(seconds))
                    .jvmArgsAppend("-Xmx512m", "-Dbench.registry.url=" + registry.url(),
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                    .addProfiler(GCProfiler.class);
            Collection<RunResult> results = new Runner(options.build()).run();
            Map<String, double[]> figures = new HashMap<>(); // name -> {ns/op, error, B/op}
            for (RunResult run : results) {
                String name = run.getParams().getBenchmark().replaceFirst(".*\\.", "");
                Result<?> primary = run.getPrimaryResult();
                Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
                figures.put(name, new double[] {primary.getScore(), primary.getScoreError(),
                        alloc == null ? Double.NaN : alloc.getScore()});
            }
            System.out.println();
            System.out.println("Serde cost per record (JMH average time; error = 99.9 % confidence half-width)");
            System.out.printf("  %-26s %10s %10s %10s   %s%n", "benchmark", "ns/op", "+-", "B/op", "ratio to its baseline");
            line(figures, "avroSerializer", "avroBareWriter", 1.1);
            line(figures, "avroBareWriter", null, 0);
            line(figures, "avroDeserializer", "avroBareReader", 1.1);
            line(figures, "avroBareReader", null, 0);
            line(figures, "jsonSerializer", "jsonJacksonWrite", 1.2);
            line(figures, "jsonSerializerValidating", "jsonJacksonWrite", 0);
            line(figures, "jsonJacksonWrite", null, 0);
            line(figures, "jsonDeserializer", "jsonJacksonRead", 1.2);
            line(figures, "jsonJacksonRead", null, 0);
        }
    }

    private static void line(Map<String, double[]> figures, String name, String baseline, double target) {
        double[] f = figures.get(name);
        if (f == null) {
            return;
        }
        String ratio = "";
        double[] b = baseline == null ? null : figures.get(baseline);
        if (b != null) {
            double r = f[0] / b[0];
            ratio = String.format("%.2f x %s", r, baseline)
                    + (target > 0 ? String.format("  (target <= %.1f: %s)", target, r <= target ? "met" : "NOT met") : "  (reported)");
        }
        System.out.printf("  %-26s %10.1f %10.1f %10.0f   %s%n", name, f[0], f[1], f[2], ratio);
    }
}
