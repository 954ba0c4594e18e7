package io.github.eventcat.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks (pages, files) on every core and returns their results in the order the
 * tasks were given, so what the generator writes never depends on which thread ran first. A
 * failure is reported as the first failing task's, in that order: the same catalog gives the same
 * error. The threads are the run's own (daemons, named {@code eventcat-docs-N}) and end with it.
 */
final class Parallel implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** {@code null} on one core: the tasks run on the caller's thread. */
    private final ExecutorService pool;

    Parallel(int threads) {
        if (threads <= 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "eventcat-docs-" + id + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** As many threads as the machine has cores. */
    static Parallel onEveryCore() {
        return new Parallel(Runtime.getRuntime().availableProcessors());
    }

    /** Each task's result, in the tasks' order. */
    <T> List<T> all(List<Callable<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        if (pool == null) {
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the catalog docs", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        throw new IllegalStateException(cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
