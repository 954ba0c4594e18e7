package bench.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.CodeGenerator;
import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.GenerationRequest;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times the docs generator and the code generator on the same loaded catalog (loading, which both
 * goals do alike, is not counted), each into an emptied directory, interleaved (code, docs, code,
 * docs...) after warm-ups; prints each pair's wall and CPU ratio and their medians. Asserts nothing.
 */
public final class DocsBench {
  public static void main(String[] args) throws Exception {
    Path catalogDir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int runs = Integer.parseInt(System.getProperty("runs", "5"));
    Catalog catalog = CatalogLoader.load(catalogDir);
    System.out.printf("catalog: %d topics, %d events%n", catalog.topics().size(), catalog.events().size());
    for (int i = 0; i < 2; i++) { // warm-up
      time(() -> codegen(catalog, work.resolve("code")), work.resolve("code"));
      time(() -> docs(catalog, work.resolve("docs")), work.resolve("docs"));
    }
    // Interleaved A B A B: both see the same load; each run's wall time and the process's CPU
    // time (user + sys of every thread, GC and JIT included) while it ran.
    long[] codeWall = new long[runs];
    long[] codeCpu = new long[runs];
    long[] docsWall = new long[runs];
    long[] docsCpu = new long[runs];
    double[] wallRatio = new double[runs];
    double[] cpuRatio = new double[runs];
    for (int i = 0; i < runs; i++) {
      long[] code = time(() -> codegen(catalog, work.resolve("code")), work.resolve("code"));
      long[] docs = time(() -> docs(catalog, work.resolve("docs")), work.resolve("docs"));
      codeWall[i] = code[0];
      codeCpu[i] = code[1];
      docsWall[i] = docs[0];
      docsCpu[i] = docs[1];
      wallRatio[i] = 100.0 * docs[0] / code[0];
      cpuRatio[i] = 100.0 * docs[1] / code[1];
      System.out.printf("run %d: code %d ms wall / %d ms cpu, docs %d ms wall / %d ms cpu: docs/code %.1f %% wall, %.1f %% cpu%n",
          i + 1, code[0], code[1], docs[0], docs[1], wallRatio[i], cpuRatio[i]);
    }
    System.out.printf("code generation: %d ms wall, %d ms cpu (median of %d)%n", median(codeWall), median(codeCpu), runs);
    System.out.printf("docs generation: %d ms wall, %d ms cpu (median of %d)%n", median(docsWall), median(docsCpu), runs);
    System.out.printf("docs / code: %.1f %% wall, %.1f %% cpu (median of the %d side-by-side ratios; target < 20 %%)%n",
        median(wallRatio), median(cpuRatio), runs);
    System.out.printf("load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  interface Run {
    void run() throws IOException;
  }

  /** Deletes the output directory (not timed), then times the run: {wall ms, process cpu ms}. */
  private static long[] time(Run run, Path out) throws IOException {
    delete(out);
    long cpu = cpuNanos();
    long start = System.nanoTime();
    run.run();
    return new long[] {(System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000};
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void codegen(Catalog catalog, Path out) throws IOException {
    CodeGenerator.standard().generate(new GenerationRequest(catalog, CodegenConfiguration.defaults(out)));
  }

  private static void docs(Catalog catalog, Path out) {
    DocsGenerator.generate(new DocsRequest(catalog, out, "1.0.0"));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
