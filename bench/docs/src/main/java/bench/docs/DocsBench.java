package bench.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.CodeGenerator;
import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.GenerationRequest;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times the docs generator and the code generator on the same loaded catalog (loading, which both
 * goals do alike, is not counted), each into an emptied directory, interleaved (code, docs, code,
 * docs...) after warm-ups; prints each pair's wall and CPU ratio and their medians. Asserts nothing.
 *
 * <p>Before each timed turn (untimed) the output directory is deleted and, unless {@code -Dgc=false},
 * a full GC and {@code sync} run, so that neither generator's turn pays for what the other left
 * behind (its garbage, a GC cycle it started, its files still being written back to disk): the
 * docs' wall time used to rise from run to run in one JVM while the code's did not. Each turn prints
 * the GC collections and time that fell in
 * it and the heap afterwards, so a run can show where its time went.
 *
 * <p>{@code -Ddocs.before=<catalog-docs jar>} adds an earlier build of the docs generator, loaded
 * apart (its own class loader for {@code io.github.eventcat.docs}, the catalog classes shared), to
 * each run: code, docs before, docs after, timed alike, so a change is measured side by side.
 */
public final class DocsBench {
  public static void main(String[] args) throws Exception {
    Path catalogDir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int runs = Integer.parseInt(System.getProperty("runs", "5"));
    boolean gc = Boolean.parseBoolean(System.getProperty("gc", "true"));
    System.out.printf("%d cores; full GC between turns: %s (-Dgc=false to turn off)%n",
        Runtime.getRuntime().availableProcessors(), gc);
    Catalog catalog = CatalogLoader.load(catalogDir);
    System.out.printf("catalog: %d topics, %d events%n", catalog.topics().size(), catalog.events().size());
    String beforeJar = System.getProperty("docs.before", "");
    Run before = beforeJar.isEmpty() ? null : earlierDocs(Path.of(beforeJar), catalog, work.resolve("docs-before"));
    for (int i = 0; i < 2; i++) { // warm-up
      time(() -> codegen(catalog, work.resolve("code")), work.resolve("code"), gc);
      if (before != null) {
        time(before, work.resolve("docs-before"), gc);
      }
      time(() -> docs(catalog, work.resolve("docs")), work.resolve("docs"), gc);
    }
    double[] beforeWallRatio = new double[runs];
    double[] beforeCpuRatio = new double[runs];
    // Interleaved A B A B: both see the same load; each run's wall time and the process's CPU
    // time (user + sys of every thread, GC and JIT included) while it ran.
    long[] codeWall = new long[runs];
    long[] codeCpu = new long[runs];
    long[] docsWall = new long[runs];
    long[] docsCpu = new long[runs];
    double[] wallRatio = new double[runs];
    double[] cpuRatio = new double[runs];
    for (int i = 0; i < runs; i++) {
      long[] code = time(() -> codegen(catalog, work.resolve("code")), work.resolve("code"), gc);
      if (before != null) {
        long[] old = time(before, work.resolve("docs-before"), gc);
        beforeWallRatio[i] = 100.0 * old[0] / code[0];
        beforeCpuRatio[i] = 100.0 * old[1] / code[1];
        System.out.printf("run %d: docs BEFORE %d ms wall / %d ms cpu: docs/code %.1f %% wall, %.1f %% cpu (GC %d / %d ms)%n",
            i + 1, old[0], old[1], beforeWallRatio[i], beforeCpuRatio[i], old[2], old[3]);
      }
      long[] docs = time(() -> docs(catalog, work.resolve("docs")), work.resolve("docs"), gc);
      codeWall[i] = code[0];
      codeCpu[i] = code[1];
      docsWall[i] = docs[0];
      docsCpu[i] = docs[1];
      wallRatio[i] = 100.0 * docs[0] / code[0];
      cpuRatio[i] = 100.0 * docs[1] / code[1];
      System.out.printf("run %d: code %d ms wall / %d ms cpu, docs %d ms wall / %d ms cpu: docs/code %.1f %% wall, %.1f %% cpu%n",
          i + 1, code[0], code[1], docs[0], docs[1], wallRatio[i], cpuRatio[i]);
      System.out.printf("       GC within the turn: code %d collections / %d ms, docs %d / %d ms; heap used after docs %d MB of %d MB committed%n",
          code[2], code[3], docs[2], docs[3], docs[4], docs[5]);
    }
    System.out.printf("code generation: %d ms wall, %d ms cpu (median of %d)%n", median(codeWall), median(codeCpu), runs);
    System.out.printf("docs generation: %d ms wall, %d ms cpu (median of %d)%n", median(docsWall), median(docsCpu), runs);
    System.out.printf("docs / code: %.1f %% wall, %.1f %% cpu (median of the %d side-by-side ratios; target < 20 %%"
        + " of wall time, as a developer sees a build; both generators use every core)%n",
        median(wallRatio), median(cpuRatio), runs);
    if (before != null) {
      System.out.printf("docs BEFORE / code: %.1f %% wall, %.1f %% cpu (median of the %d side-by-side ratios)%n",
          median(beforeWallRatio), median(beforeCpuRatio), runs);
    }
    System.out.printf("load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  interface Run {
    void run() throws IOException;
  }

  /**
   * Deletes the output directory and, if {@code gc}, collects the heap (neither timed), then times
   * the run: {wall ms, process cpu ms, GC collections, GC ms, heap used MB, heap committed MB}.
   */
  private static long[] time(Run run, Path out, boolean gc) throws IOException {
    delete(out);
    if (gc) {
      System.gc();
      System.gc();
      sync(); // the other turn's files reach the disk now, not while this turn writes its own
    }
    long[] gcBefore = gcTotals();
    long cpu = cpuNanos();
    long start = System.nanoTime();
    run.run();
    long wall = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (cpuNanos() - cpu) / 1_000_000;
    long[] gcAfter = gcTotals();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new long[] {
      wall, cpuMs, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], heap.getUsed() >> 20, heap.getCommitted() >> 20
    };
  }

  private static void sync() {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // no sync command: the turns share the disk's write-back as before
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {collections, ms} of every collector so far. */
  private static long[] gcTotals() {
    long count = 0;
    long ms = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, bean.getCollectionCount());
      ms += Math.max(0, bean.getCollectionTime());
    }
    return new long[] {count, ms};
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void codegen(Catalog catalog, Path out) throws IOException {
    CodeGenerator.standard().generate(new GenerationRequest(catalog, CodegenConfiguration.defaults(out)));
  }

  /**
   * The docs generator of another catalog-docs jar: its classes come from the jar (child first),
   * everything else (the catalog model, Avro, Jackson) from this class path.
   */
  private static Run earlierDocs(Path jar, Catalog catalog, Path out) throws Exception {
    ClassLoader parent = DocsBench.class.getClassLoader();
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("io.github.eventcat.docs.")) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }
    };
    Class<?> requestType = loader.loadClass("io.github.eventcat.docs.DocsRequest");
    Object request = requestType.getConstructor(Catalog.class, Path.class, String.class).newInstance(catalog, out, "1.0.0");
    Method generate = loader.loadClass("io.github.eventcat.docs.DocsGenerator").getMethod("generate", requestType);
    return () -> {
      try {
        generate.invoke(null, request);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
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
