package io.github.eventcat.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent per-file work of a load over the cores. Results come back in the order of the
 * input, whatever order the work finished in, so what the loader builds from them (and the order
 * of its problems) is the same as when run one by one. Work that reports problems gets its own
 * {@link Problems} and the caller merges them in input order.
 */
final class Parallel {
    /** Below this many items the work runs on the calling thread: a pool would cost more. */
    static final int MIN_ITEMS = 8;

    private Parallel() {}

    /**
     * {@code work} applied to every item, in the order of {@code items}. The first failure (in input
     * order) is rethrown as it was thrown, after every item has finished.
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
        if (threads <= 1 || items.size() < MIN_ITEMS) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        // Worker threads see the caller's context class loader (a Maven plugin's realm): Avro and
        // Jackson look up service providers through it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ForkJoinPool pool = new ForkJoinPool(
                threads,
                p -> {
                    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                    thread.setDaemon(true);
                    thread.setContextClassLoader(loader);
                    return thread;
                },
                null,
                false);
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
                        failure = unwrap(e.getCause());
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

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }
}
