package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.overparam.api.InvalidInputException;

/**
 * Who is running a sweep: the process that runs a sweep's points holds an exclusive lock on
 * {@code sweep.lock} in the sweep folder (an operating-system file lock, released when the process
 * ends, also by {@code kill -9}) and writes its process id into it, so that a second
 * {@code sweep --resume} of the same folder is refused instead of running the remaining points again in
 * new folders. Within one JVM (the Gogo shell) the container's {@link SweepLocks} answers first, since
 * opening and closing another channel on the locked file would release the JVM's lock. The file stays in the folder.
 */
final class SweepLock implements AutoCloseable {
    /** The lock file in a sweep folder. */
    static final String FILE = "sweep.lock";
    private final SweepLocks locks;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(SweepLocks locks, Path key, FileChannel channel, FileLock lock) {
        this.locks = locks;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param locks the container's table of held sweep folders
     * @param sweep a sweep folder
     * @return its lock, held until {@link #close}
     * @throws InvalidInputException if a process runs the sweep now (naming it), or the folder cannot be
     *     locked; nothing is written then
     */
    static SweepLock acquire(SweepLocks locks, Path sweep) {
        boolean interrupted = Thread.interrupted();
        try {
            return lock(locks, sweep);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SweepLock lock(SweepLocks locks, Path sweep) {
        Path key;
        try {
            key = sweep.toRealPath();
        } catch (IOException e) {
            key = sweep.toAbsolutePath().normalize();
        }
        synchronized (locks.held) {
            if (locks.held.contains(key)) {
                throw running(sweep, "in this process");
            }
            FileChannel ch = null;
            try {
                ch = FileChannel.open(sweep.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ByteBuffer b = ByteBuffer.allocate((int) Math.min(ch.size(), 64));
                    ch.read(b, 0);
                    String pid = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
                    ch.close();
                    throw running(sweep, pid.matches("\\d+") ? "in process " + pid : "in another process");
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                locks.held.add(key);
                return new SweepLock(locks, key, ch, l);
            } catch (IOException e) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // nothing more to release
                    }
                }
                throw new InvalidInputException(sweep.toString(), "cannot lock the sweep folder (" + FILE + "): "
                        + RunsFolder.cause(e));
            }
        }
    }

    private static InvalidInputException running(Path sweep, String where) {
        Path name = sweep.toAbsolutePath().normalize().getFileName();
        return new InvalidInputException(sweep.toString(), "sweep " + (name == null ? sweep : name) + " is running "
                + where + "; resume it once that process has ended (it holds " + FILE + ")");
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() {
        synchronized (locks.held) {
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // closing the channel releases it anyway
            }
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
            locks.held.remove(key);
        }
    }
}
