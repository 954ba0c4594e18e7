package io.github.eventcat.registry.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps a list with up to {@code parallelism} threads, keeping the order; the first failure is rethrown. */
final class Parallel {
    private Parallel() {}

    static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> work) {
        if (parallelism <= 1 || items.size() <= 1) {
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(work.apply(item)));
            return results;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), runnable -> {
            Thread thread = new Thread(runnable, "eventcat-registry-sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            items.forEach(item -> futures.add(executor.submit(() -> work.apply(item))));
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            executor.shutdownNow();
        }
    }
}
