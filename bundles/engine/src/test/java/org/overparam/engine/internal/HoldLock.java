package org.overparam.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLocks;

/**
 * A process that holds a run folder's lock, as a running run does, until its standard input ends:
 * prints {@code locked} once it holds it. Started by {@link RunLockProcessTest}.
 */
final class HoldLock {
    private HoldLock() {
    }

    /**
     * @param args the run folder
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        try (RunLock lock = new RunLocks().acquire(Path.of(args[0]), "held")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
