package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs independent per-file work of a load over the cores. Results come back in the order of the
 * input, whatever order the work finished in, so what the loader builds from them (and the order
 * of its problems) is the same as when run one by one. Work that reports problems gets its own
 * {@link Problems} and the caller merges them in input order.
 */
final class Parallel {
    /** Below this many items the work runs on the calling thread: a pool would cost more. */
    static final int MIN_ITEMS = 8;

    /** Set on a thread that must do its work one by one (tests compare both ways). */
    private static final ThreadLocal<Boolean> SEQUENTIAL = ThreadLocal.withInitial(() -> false);

    private Parallel() {}

    /** Runs {@code action} with every {@link #map} on this thread working one item at a time. */
    static <R> R sequentially(Supplier<R> action) {
        boolean before = SEQUENTIAL.get();
        SEQUENTIAL.set(true);
        try {
            return action.get();
        } finally {
            SEQUENTIAL.set(before);
        }
    }

    /**
     * {@code work} applied to every item, in the order of {@code items}, on a pool of as many
     * threads as there are processors. The first failure (in input order) is rethrown as it was
     * thrown, once every item has finished.
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
        if (threads <= 1 || items.size() < MIN_ITEMS || SEQUENTIAL.get()) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        // Worker threads see the caller's context class loader (a Maven plugin's realm): Avro and
        // Jackson look up service providers through it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "eventcat-catalog-load");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = unchecked(e.getCause());
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading the catalog", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}
