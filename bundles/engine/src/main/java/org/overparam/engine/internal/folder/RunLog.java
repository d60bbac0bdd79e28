package org.overparam.engine.internal.folder;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's run.log: one timestamped line per event worth keeping (start, end, swaps, waits, listener
 * errors) and full stack traces of failures. Each line is flushed at once. The engine writes its log
 * here only, never to the console. Write errors are swallowed: losing the log must not end a run.
 */
public final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final PrintWriter out;

    /**
     * @param file the file to create
     * @throws IOException if it cannot be created
     */
    public RunLog(Path file) throws IOException {
        this(file, false);
    }

    /**
     * @param file the file
     * @param append whether to add to an existing log (a resumed run) rather than start a new one
     * @throws IOException if it cannot be opened
     */
    public RunLog(Path file, boolean append) throws IOException {
        out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), append),
                StandardCharsets.UTF_8), true);
    }

    /** @param line the message */
    public void info(String line) {
        out.println(TIME.format(LocalDateTime.now()) + " " + line);
    }

    /**
     * @param line the message
     * @param error the exception whose stack trace follows
     */
    public void error(String line, Throwable error) {
        info(line);
        error.printStackTrace(out);
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
