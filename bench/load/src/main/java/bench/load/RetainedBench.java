package bench.load;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import java.nio.file.Path;

/**
 * The heap a loaded catalog keeps: used heap after full collections, with the catalog held, minus
 * the same before loading it (so it also counts what loading leaves behind in static caches:
 * classes' statics, Jackson's and Avro's caches). Prints bytes in all and per event; bench/load.sh
 * runs it with {@code RETAINED=1}.
 */
public final class RetainedBench {
    private static volatile Object kept;

    private RetainedBench() {}

    public static void main(String[] args) {
        long before = usedAfterGc();
        Catalog catalog = CatalogLoader.load(Path.of(args[0]));
        kept = catalog;
        long after = usedAfterGc();
        int events = catalog.events().size();
        System.out.printf(
                "retained %d bytes, %d events, %d bytes per event%n",
                after - before, events, (after - before) / events);
        kept = null;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
