package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;

/** The runs folder's checks: a file, a file above it, a full disk, and causes in words. */
class RunsFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFileOrAFileAboveIsRefusedInWordsForReadingAndWriting() throws IOException {
        Path file = Files.writeString(dir.resolve("runs"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunsFolder.requireFolder(file));
        assertEquals(file + ": the runs folder is a file, not a folder", e.oneLine());
        e = assertThrows(InvalidInputException.class, () -> RunsFolder.requireWritable(file, p -> Long.MAX_VALUE));
        assertEquals(file + ": the runs folder is a file, not a folder", e.oneLine());
        Path under = file.resolve("a").resolve("b");
        e = assertThrows(InvalidInputException.class, () -> RunsFolder.requireFolder(under));
        assertEquals(under + ": the runs folder cannot be created: " + file + " is a file, not a folder", e.oneLine());
        assertEquals(dir.resolve("missing"), RunsFolder.requireFolder(dir.resolve("missing")));
        assertEquals(List.of(file), Files.list(dir).toList(), "nothing written");
    }

    @Test
    void aFullDiskIsRefusedBelowOneMebibyteAndTheDiskOfTheNearestExistingFolderIsAsked() {
        Path runs = dir.resolve("new").resolve("runs");
        Path[] asked = new Path[1];
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunsFolder.requireWritable(runs, p -> {
                    asked[0] = p;
                    return RunsFolder.MIN_FREE_BYTES - 1;
                }));
        assertEquals(runs + ": the disk holding the runs folder is full (1048575 bytes free)", e.oneLine());
        assertEquals(dir.toAbsolutePath(), asked[0]);
        RunsFolder.requireWritable(runs, p -> RunsFolder.MIN_FREE_BYTES);
        RunsFolder.requireWritable(runs, p -> -1);
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void causesAreWordsNotExceptionClassNames() {
        assertEquals("permission denied", RunsFolder.cause(new AccessDeniedException("/srv/runs")));
        assertEquals("the disk is full", RunsFolder.cause(new FileSystemException("/srv/runs/x", null,
                "No space left on device")));
        assertEquals("the disk is full", RunsFolder.cause(new IOException("No space left on device")));
        assertEquals("it is a file, not a folder", RunsFolder.cause(new FileAlreadyExistsException("/srv/runs")));
        assertEquals("it is a file, not a folder", RunsFolder.cause(new FileSystemException("/a/b", null,
                "Not a directory")));
        assertEquals("the file system is read-only", RunsFolder.cause(new FileSystemException("/a", null,
                "Read-only file system")));
        assertEquals("Input/output error", RunsFolder.cause(new FileSystemException("/a", null, "Input/output error")));
    }

    @Test
    void aRunThatFillsTheDiskFailsInWords() {
        assertEquals("cannot write metrics.csv: the disk is full", RunsFolder.failure(new java.io.UncheckedIOException(
                "cannot write metrics.csv", new IOException("No space left on device"))));
        assertEquals("a file could not be written: permission denied", RunsFolder.failure(new IllegalStateException(
                new AccessDeniedException("/srv/runs/x/run.log"))));
        assertEquals("java.lang.IllegalStateException: boom", RunsFolder.failure(new IllegalStateException("boom")));
    }
}
