package org.overparam.linalg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The Java threads of the pure-Java path: a pool of daemon threads that run independent parts of
 * one kernel call (row panels of C, tiles of a Gram matrix). Parts never wait on each other, so
 * concurrent callers cannot deadlock; idle threads end after 30 s.
 */
final class Parallel {
    /** A cap on the threads a kernel called from this thread may use (0: none), see {@link #limit}. */
    private static final ThreadLocal<Integer> LIMIT = ThreadLocal.withInitial(() -> 0);
    private final int threads;
    private final ThreadPoolExecutor pool;

    Parallel(int threads) {
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "overparam-linalg-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** @return the number of threads a kernel called from this thread uses: the pool's, or the cap set on it */
    int threads() {
        int cap = LIMIT.get();
        return cap > 0 ? Math.min(cap, threads) : threads;
    }

    /**
     * Caps the threads of every Java kernel called from the current thread from now on (e.g. one
     * for each run of a parallel sweep, whose runs already fill the cores); 0 removes the cap.
     *
     * @param cap at most this many threads, or 0
     * @return the cap that was set before
     */
    static int limit(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("a thread cap is 0 (none) or positive, not " + cap);
        }
        int before = LIMIT.get();
        LIMIT.set(cap);
        return before;
    }

    /**
     * Runs {@code body(0) ... body(parts - 1)}, in parallel when there are several parts, and
     * returns when all have finished.
     */
    void run(int parts, IntConsumer body) {
        if (parts <= 1 || threads() == 1) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int part = p;
            tasks.add(() -> {
                body.accept(part);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a linear algebra kernel", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
