package org.overparam.engine.internal.swap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.overparam.engine.internal.folder.RunLock;

/**
 * Whether a run has been asked to stop, checked between steps: an interrupt of the run's thread (the
 * in-process way: a Gogo session's Ctrl-C, a caller's {@code Thread.interrupt}), or the stop request
 * file {@value RunLock#STOP_FILE} in the run folder (the way across processes, written by
 * {@link RunLock#requestStop}), or the container or engine going away ({@link RunControl}). The file is looked for at the first check and then at most every
 * {@value #POLL_MILLIS} ms, so that cheap steps do not pay a file-system call each.
 */
public final class StopPoll {
    /** The least time between two looks for the stop request file. */
    static final long POLL_MILLIS = 100;
    private final Path request;
    private final Supplier<String> shutdown;
    private long lastLook;
    private boolean looked;

    /**
     * @param runFolder the run's folder
     * @param shutdown why the container wants the run to stop, or {@code null} while it does not
     */
    public StopPoll(Path runFolder, Supplier<String> shutdown) {
        this.request = runFolder.resolve(RunLock.STOP_FILE);
        this.shutdown = shutdown;
    }

    /**
     * @return why the run should stop now ({@code interrupted}, the file's name, or the container's
     *     reason), or {@code null}
     */
    public String check() {
        if (Thread.interrupted()) {
            return "interrupted";
        }
        String why = shutdown.get();
        if (why != null) {
            return why;
        }
        long now = System.nanoTime();
        if (!looked || now - lastLook >= POLL_MILLIS * 1_000_000L) {
            looked = true;
            lastLook = now;
            if (Files.exists(request)) {
                return RunLock.STOP_FILE;
            }
        }
        return null;
    }
}
