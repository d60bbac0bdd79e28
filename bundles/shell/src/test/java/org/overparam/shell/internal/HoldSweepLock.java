package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process that holds a sweep folder's lock, as a running sweep does, until its standard input ends:
 * prints {@code locked} once it holds it. Started by {@link SweepLockTest}.
 */
final class HoldSweepLock {
    private HoldSweepLock() {
    }

    /**
     * @param args the sweep folder
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        try (SweepLock lock = new SweepLocks().acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
