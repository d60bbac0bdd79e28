package org.overparam.engine.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a run has been asked to stop, checked between steps: an interrupt of the run's thread (the
 * in-process way: a Gogo session's Ctrl-C, a caller's {@code Thread.interrupt}), or the stop request
 * file {@value RunLock#STOP_FILE} in the run folder (the way across processes, written by
 * {@link RunLock#requestStop}). The file is looked for at the first check and then at most every
 * {@value #POLL_MILLIS} ms, so that cheap steps do not pay a file-system call each.
 */
final class StopPoll {
    /** The least time between two looks for the stop request file. */
    static final long POLL_MILLIS = 100;
    private final Path request;
    private long lastLook;
    private boolean looked;

    /** @param runFolder the run's folder */
    StopPoll(Path runFolder) {
        this.request = runFolder.resolve(RunLock.STOP_FILE);
    }

    /** @return why the run should stop now ({@code interrupted} or the file's name), or {@code null} */
    String check() {
        if (Thread.interrupted()) {
            return "interrupted";
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
