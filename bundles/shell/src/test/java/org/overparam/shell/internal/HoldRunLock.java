package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process that holds a run folder's {@code run.lock} as a running run does (an exclusive file lock,
 * its process id in the file) until its standard input ends: prints {@code locked} once it holds it.
 * Started by {@link CorpusSetup}.
 */
final class HoldRunLock {
    private HoldRunLock() {
    }

    /**
     * @param args the run folder
     * @throws IOException if the lock cannot be taken or standard input read
     */
    public static void main(String[] args) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]).resolve("run.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}
