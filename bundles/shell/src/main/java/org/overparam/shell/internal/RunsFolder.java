package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.overparam.api.InvalidInputException;

/**
 * Checks of the runs folder ({@code --runs DIR}) before a command uses it, each failure one line naming
 * the folder and the cause in words: a file where the folder should be (or one of its parents), a
 * folder this process may not write, or a disk with less than {@link #MIN_FREE_BYTES} free. Nothing is
 * written by the checks.
 */
final class RunsFolder {
    /** A runs folder on a disk with less free space than this is refused for commands that write. */
    static final long MIN_FREE_BYTES = 1 << 20;

    private RunsFolder() {
    }

    /**
     * For commands that only read the runs folder: it may be missing, but must not be a file.
     *
     * @param runs the runs folder
     * @return it
     * @throws InvalidInputException naming the folder if it, or a parent of it, is a file
     */
    static Path requireFolder(Path runs) {
        Path p = existing(runs);
        if (p != null && !Files.isDirectory(p)) {
            throw new InvalidInputException(runs.toString(), p.equals(runs.toAbsolutePath())
                    ? "the runs folder is a file, not a folder" : "the runs folder cannot be created: " + p
                    + " is a file, not a folder");
        }
        return runs;
    }

    /**
     * For commands that write: run folders can be created in {@code runs}; its nearest existing ancestor
     * must be a folder this process may write, on a disk with at least {@link #MIN_FREE_BYTES} free.
     *
     * @param runs the runs folder
     * @param usableBytes the free bytes of the disk holding a path ({@code FileStore.getUsableSpace})
     * @throws InvalidInputException naming the runs folder if it cannot be written
     */
    static void requireWritable(Path runs, ToLongFunction<Path> usableBytes) {
        Path p = existing(requireFolder(runs));
        if (p == null) {
            throw new InvalidInputException(runs.toString(), "the runs folder cannot be created: no folder of its"
                    + " path exists");
        }
        if (!Files.isWritable(p)) {
            throw new InvalidInputException(runs.toString(), "the runs folder is not writable (permission denied"
                    + " for " + p + ")");
        }
        long free = usableBytes.applyAsLong(p);
        if (free >= 0 && free < MIN_FREE_BYTES) {
            throw new InvalidInputException(runs.toString(), "the disk holding the runs folder is full (" + free
                    + " bytes free)");
        }
    }

    /** {@link #requireWritable(Path, ToLongFunction)} with the disk's usable space (-1 when unknown). */
    static void requireWritable(Path runs) {
        requireWritable(runs, p -> {
            try {
                return Files.getFileStore(p).getUsableSpace();
            } catch (IOException e) {
                return -1;
            }
        });
    }

    /**
     * @param e a failure to read or write a file
     * @return its cause in words, without the exception's class name: {@code permission denied},
     *     {@code the disk is full}, {@code it is a file, not a folder}, {@code no such file or folder},
     *     else the operating system's reason
     */
    static String cause(IOException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : text;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return "the disk is full";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || lower.contains("not a directory")) {
            return "it is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        return reason.isBlank() ? "an input/output error" : reason;
    }

    /**
     * @param e a run's failure that reached the command line
     * @return it in words when a file could not be written or read ({@code cannot write metrics.csv: the disk
     *     is full}), else its class and message
     */
    static String failure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                String what = e.getMessage() == null || e.getMessage().contains("Exception") ? "a file could not be"
                        + " written" : e.getMessage();
                return what + ": " + cause(io);
            }
        }
        return e.toString();
    }

    /** @return the path itself if it exists, else its nearest existing ancestor, or {@code null} */
    private static Path existing(Path runs) {
        Path p = runs.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
