package org.overparam.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/**
 * Turns at the store's file, one process at a time: an operating-system lock on
 * {@code overparam-store.handover.lock} beside the database, held by a process while it opens the
 * store without holding it open already (so it may take the file over) and while it lets the file go.
 *
 * <p>H2's own protocol for the file ({@code overparam-store.lock.db}) is cooperative with a
 * granularity of seconds: two processes taking it over at once both write the lock file, and each
 * write makes the other, and every later opener, see it "recently modified" and wait or fail. With
 * turns, one process at a time runs that protocol, so it meets at most the previous owner, which is
 * ending. The lock is released by the operating system when a process dies, so a killed process
 * never keeps the turn. The file is never deleted (deleting a lock file others may hold is a race).
 */
final class HandoverLock implements AutoCloseable {
    private static final long PAUSE_MILLIS = 10;
    private final Path file;
    private final FileChannel channel;

    /**
     * @param file the lock file, created if missing (with its folder, as H2 creates the database's)
     * @throws IOException if it cannot be opened for writing
     */
    HandoverLock(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * Waits for this process's turn.
     *
     * @param deadline the {@link System#nanoTime()} by which to give up
     * @return the turn, to close when the file has changed hands
     * @throws SQLException if another process keeps the turn past the deadline, or the wait is
     *     interrupted (the interrupt is kept)
     */
    FileLock take(long deadline) throws SQLException {
        while (true) {
            try {
                FileLock turn = channel.tryLock();
                if (turn != null) {
                    return turn;
                }
            } catch (OverlappingFileLockException e) {
                // another store object of this process, on the same folder, has the turn: wait as for a process
            } catch (IOException e) {
                throw new SQLException("cannot lock " + file + ": " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("gave up waiting for " + file + ", which another process keeps locked");
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for " + file, e);
            }
        }
    }

    /** Closes the file (and with it any turn still held). */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is written to the file; closing it cannot lose anything
            return;
        }
    }
}
