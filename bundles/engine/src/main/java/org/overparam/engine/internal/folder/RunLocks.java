package org.overparam.engine.internal.folder;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The container's table of the run folders this JVM holds a {@link RunLock} on: one instance per engine
 * (owned by its {@code ActiveRuns} component and passed wherever a lock is taken or probed), so that a
 * second look at a held folder answers from the table instead of opening another channel on its lock
 * file, which would release the JVM's operating-system lock when closed.
 */
public final class RunLocks {
    /** The held folders, by real path; guarded by itself. */
    final Set<Path> held = new HashSet<>();

    /**
     * @param folder a run folder
     * @param runId its id, for the message
     * @return the folder's lock, held until {@link RunLock#close}
     * @throws org.overparam.api.InvalidInputException if a run is running there now (naming the process),
     *     or the folder cannot be locked
     */
    public RunLock acquire(Path folder, String runId) {
        return RunLock.acquire(this, folder, runId);
    }

    /**
     * @param folder a run folder
     * @return whether a run is running there now, in this process or another
     */
    public boolean isRunning(Path folder) {
        return RunLock.isRunning(this, folder);
    }

    /**
     * Asks the run running in a folder to stop at its next step boundary.
     *
     * @param folder a run folder
     * @return whether a run is running there (and was asked)
     * @throws org.overparam.api.InvalidInputException if the folder is not a run folder or the request
     *     cannot be written
     */
    public boolean requestStop(Path folder) {
        return RunLock.requestStop(this, folder);
    }
}
