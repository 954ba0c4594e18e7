package bench.docs;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.codegen.CodeGenerator;
import io.github.eventcat.codegen.CodegenConfiguration;
import io.github.eventcat.codegen.GenerationRequest;
import io.github.eventcat.docs.DocsGenerator;
import io.github.eventcat.docs.DocsRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times the docs generator and the code generator on the same loaded catalog (loading, which both
 * goals do alike, is not counted), each into an emptied directory, median of several runs after
 * warm-ups. Prints figures; asserts nothing.
 */
public final class DocsBench {
  public static void main(String[] args) throws Exception {
    Path catalogDir = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int runs = Integer.parseInt(System.getProperty("runs", "5"));
    Catalog catalog = CatalogLoader.load(catalogDir);
    System.out.printf("catalog: %d topics, %d events%n", catalog.topics().size(), catalog.events().size());
    for (int i = 0; i < 2; i++) { // warm-up
      codegen(catalog, work.resolve("code"));
      docs(catalog, work.resolve("docs"));
    }
    long[] code = new long[runs];
    long[] docs = new long[runs];
    for (int i = 0; i < runs; i++) {
      code[i] = codegen(catalog, work.resolve("code"));
      docs[i] = docs(catalog, work.resolve("docs"));
    }
    long codeMedian = median(code);
    long docsMedian = median(docs);
    System.out.printf("code generation: %d ms (median of %d)%n", codeMedian, runs);
    System.out.printf("docs generation: %d ms (median of %d)%n", docsMedian, runs);
    System.out.printf("docs / code: %.1f %% (target < 20 %%)%n", 100.0 * docsMedian / codeMedian);
  }

  private static long codegen(Catalog catalog, Path out) throws IOException {
    delete(out);
    long start = System.nanoTime();
    CodeGenerator.standard().generate(new GenerationRequest(catalog, CodegenConfiguration.defaults(out)));
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long docs(Catalog catalog, Path out) throws IOException {
    delete(out);
    long start = System.nanoTime();
    DocsGenerator.generate(new DocsRequest(catalog, out, "1.0.0"));
    return (System.nanoTime() - start) / 1_000_000;
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
