package org.overparam.engine.internal.folder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.overparam.api.InvalidInputException;

/**
 * Who is running a run folder, and requests to stop it. A process running a run holds an exclusive
 * lock on {@code run.lock} in the folder (an operating-system file lock, released when the process
 * ends, also by {@code kill -9}) and writes its process id into the file; within one JVM the container's
 * {@link RunLocks} (its table of held folders) answers first, since closing any channel on a locked file
 * would release the JVM's lock.
 *
 * <p>A stop request is the file {@code stop.request} in the folder: {@link #requestStop} writes it
 * when the run is held, and the run polls for it between steps ({@code StopPoll}).
 */
public final class RunLock implements AutoCloseable {
    /** The lock file in a run folder; it stays there, holding the id of the last process that ran the run. */
    public static final String FILE = "run.lock";
    /** The stop request file in a run folder. */
    public static final String STOP_FILE = "stop.request";
    private final RunLocks locks;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(RunLocks locks, Path key, FileChannel channel, FileLock lock) {
        this.locks = locks;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param locks the container's table of held run folders
     * @param folder a run folder
     * @param runId its id, for the message
     * @return the folder's lock, held until {@link #close}
     * @throws InvalidInputException if a run is running there now (naming the process), or the folder
     *     cannot be locked
     */
    static RunLock acquire(RunLocks locks, Path folder, String runId) {
        boolean interrupted = Thread.interrupted();
        try {
            return lock(locks, folder, runId);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #acquire} with no interrupt pending (an interrupt would close the channel at once). */
    private static RunLock lock(RunLocks locks, Path folder, String runId) {
        Path key = key(folder);
        synchronized (locks.held) {
            if (locks.held.contains(key)) {
                throw running(folder, runId, "in this process");
            }
            FileChannel ch = null;
            try {
                ch = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock l = ch.tryLock();
                if (l == null) {
                    String pid = new String(readAll(ch), StandardCharsets.UTF_8).strip();
                    ch.close();
                    throw running(folder, runId, pid.isEmpty() ? "in another process" : "in process " + pid);
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                locks.held.add(key);
                return new RunLock(locks, key, ch, l);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new InvalidInputException(folder.toString(), "cannot lock the run folder (" + FILE + "): " + e);
            }
        }
    }

    /**
     * @param locks the container's table of held run folders
     * @param folder a run folder
     * @return whether a run is running there now, in this process or another
     */
    static boolean isRunning(RunLocks locks, Path folder) {
        boolean interrupted = Thread.interrupted();
        try {
            return probe(locks, folder);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean probe(RunLocks locks, Path folder) {
        Path key = key(folder);
        synchronized (locks.held) {
            if (locks.held.contains(key)) {
                return true;
            }
            Path file = folder.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock l = ch.tryLock();
                if (l == null) {
                    return true;
                }
                l.release();
                return false;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * Asks the run running in a folder to stop at its next step boundary.
     *
     * @param locks the container's table of held run folders
     * @param folder a run folder
     * @return whether a run is running there (and was asked)
     * @throws InvalidInputException if the folder is not a run folder or the request cannot be written
     */
    static boolean requestStop(RunLocks locks, Path folder) {
        if (!Files.isRegularFile(folder.resolve("spec.yaml"))) {
            throw new InvalidInputException(folder.toString(), "not a run folder (it has no spec.yaml)");
        }
        if (!isRunning(locks, folder)) {
            return false;
        }
        try {
            Files.writeString(folder.resolve(STOP_FILE), "stop requested by process " + ProcessHandle.current().pid()
                    + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot write the stop request: " + e);
        }
    }

    /** @param folder a run folder: its stop request, if any, is removed */
    public static void clearStopRequest(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(STOP_FILE));
        } catch (IOException e) {
            // A request that cannot be removed is seen again by the next resume, which stops at once.
        }
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        synchronized (locks.held) {
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // Closing the channel releases it anyway.
            }
            closeQuietly(channel);
            locks.held.remove(key);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(ch.size(), 64));
        ch.read(b, 0);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static InvalidInputException running(Path folder, String runId, String where) {
        return new InvalidInputException(folder.toString(), "run " + runId + " is running " + where
                + "; stop it first with 'overparam stop " + runId + "'");
    }

    private static Path key(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
    }
}
