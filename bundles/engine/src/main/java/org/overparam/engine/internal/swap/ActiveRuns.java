package org.overparam.engine.internal.swap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.overparam.engine.internal.folder.RunLocks;

/**
 * The runs taking steps in this engine, so that the container can stop them cleanly before it goes
 * away, defer package refreshes while any is active, and say which runs hold which old bundle
 * revisions. A run {@link #add}s its {@link RunControl} when its loop starts and {@link #remove}s it
 * when the run has ended (its result and checkpoint written).
 *
 * <p>{@link #shutdown} asks every active run to stop at its next step boundary (STOPPED, with a
 * checkpoint) and waits until they have ended, up to a bound; listeners added with {@link #onDrain} hear
 * when the last active run ends. One instance per engine bundle revision: a DS component that the
 * {@code EngineRunner} (whose runs add themselves) and {@link HotSwapControl} reference; it holds no
 * plugin object. It also owns the engine's {@link RunLocks}, the one table of run folders this JVM
 * holds, which every run, resume, stop and swap request of the container shares.
 */
@Component(service = ActiveRuns.class)
public final class ActiveRuns {
    private final Set<RunControl> runs = new LinkedHashSet<>();
    private final List<Runnable> drainListeners = new CopyOnWriteArrayList<>();
    private final RunLocks locks = new RunLocks();

    /** @return the engine's table of held run folders */
    public RunLocks locks() {
        return locks;
    }

    /** @param run a run whose loop starts */
    public synchronized void add(RunControl run) {
        runs.add(run);
    }

    /** @param run a run that has ended */
    public void remove(RunControl run) {
        boolean drained;
        synchronized (this) {
            drained = runs.remove(run) && runs.isEmpty();
            notifyAll();
        }
        if (drained) {
            for (Runnable r : drainListeners) {
                r.run();
            }
        }
    }

    /** @return the active runs now */
    public synchronized List<RunControl> list() {
        return new ArrayList<>(runs);
    }

    /** @return whether no run is active */
    synchronized boolean isEmpty() {
        return runs.isEmpty();
    }

    /** @param listener called (on the thread of the run that ended) when the last active run ends */
    void onDrain(Runnable listener) {
        drainListeners.add(listener);
    }

    /** @param listener a listener added with {@link #onDrain} */
    void removeDrainListener(Runnable listener) {
        drainListeners.remove(listener);
    }

    /**
     * Asks every active run to stop at its next step boundary and waits until all have ended.
     *
     * @param why the reason, for the runs' logs, e.g. {@code the container is shutting down}
     * @param waitMillis the most time to wait
     * @return whether every run ended in time
     */
    public boolean shutdown(String why, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        boolean interrupted = false;
        synchronized (this) {
            for (RunControl r : runs) {
                r.requestShutdown(why);
            }
            while (!runs.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return isEmpty();
    }
}
