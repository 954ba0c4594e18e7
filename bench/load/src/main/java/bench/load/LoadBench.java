package bench.load;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.registration.RegistrationForm;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * One cold load of a catalog, as every goal starts: {@link CatalogLoader#load} (reads, parses and
 * validates every file) and the registration plan ({@link RegistrationForm#of}, what
 * {@code registry:sync} computes before it talks to a registry). Prints one line of milliseconds;
 * bench/load.sh runs it in fresh JVMs.
 */
public final class LoadBench {
    private LoadBench() {}

    public static void main(String[] args) {
        Path catalogDir = Path.of(args[0]);
        long start = System.nanoTime();
        Catalog catalog = CatalogLoader.load(catalogDir);
        long loaded = System.nanoTime();
        RegistrationForm form = RegistrationForm.of(catalog);
        long planned = System.nanoTime();
        System.out.printf(
                "load %d ms, plan %d ms, load+plan %d ms, JVM uptime %d ms, %d events," + " %d registrations%n",
                (loaded - start) / 1_000_000,
                (planned - loaded) / 1_000_000,
                (planned - start) / 1_000_000,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                catalog.events().size(),
                form.registrations().size());
    }
}
