package io.github.eventcat.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs independent parts of code generation (contributors, topics, types, batches of Avro
 * schemas) on a pool of as many threads as there are processors. Results keep the order of
 * their inputs, so the output does not depend on scheduling.
 */
final class Concurrent {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Concurrent() {}

    /** How many parts are worth making of work that splits evenly. */
    static int parallelism() {
        return THREADS;
    }

    /**
     * Runs the work on a pool of its own (bounded, shut down afterwards); {@link #map} inside it
     * shares that pool. Exceptions are rethrown as they were thrown.
     */
    static <T> T run(Supplier<T> work) {
        if (THREADS == 1) {
            return work.get();
        }
        // Pool threads would get the system class loader as context loader; inside a build tool's
        // plugin, libraries that look up resources or classes through it must see the caller's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ForkJoinPool pool = new ForkJoinPool(
                THREADS,
                p -> {
                    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                    thread.setContextClassLoader(loader);
                    return thread;
                },
                null,
                false);
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating code", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The action applied to every item, as {@link #map} does: for work that hands its results on
     * (to a {@link SourceSink}) rather than returning them.
     */
    static <T> void forEach(List<T> items, java.util.function.Consumer<? super T> action) {
        map(items, item -> {
            action.accept(item);
            return null;
        });
    }

    /**
     * The function applied to every item, in the items' order: in parallel inside {@link #run},
     * one after the other elsewhere. The first exception (in item order) is rethrown.
     */
    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        if (items.size() < 2 || ForkJoinTask.getPool() == null) {
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(function.apply(item)));
            return results;
        }
        List<ForkJoinTask<R>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            Callable<R> call = () -> function.apply(item);
            tasks.add(ForkJoinTask.adapt(call).fork());
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException failure = null;
        for (ForkJoinTask<R> task : tasks) {
            try {
                results.add(task.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
