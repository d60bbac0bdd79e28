package org.overparam.shell.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.ExportFormat;

/**
 * Where an export goes, from the options {@code --csv [FILE]} and {@code --json [FILE]}: standard
 * output, or FILE. The argument after the option is taken as FILE when it is {@code -} (standard
 * output) or ends in {@code .csv}, {@code .json} or {@code .txt}; {@code --csv=FILE} names any file.
 *
 * @param format CSV or JSON
 * @param file the file, or {@code null} for standard output
 */
record ExportTarget(ExportFormat format, Path file) {
    /** What an export writes. */
    @FunctionalInterface
    interface Content {
        /**
         * @param out where to write
         * @throws IOException if writing fails
         */
        void write(Writer out) throws IOException;
    }

    /**
     * @param args a command's arguments
     * @param i the index of a {@code --csv} or {@code --json} option (or {@code --csv=FILE})
     * @param command the command, for errors
     * @return the target with the number of arguments it used (1 or 2)
     */
    static Parsed parse(List<String> args, int i, String command) {
        String a = args.get(i);
        ExportFormat format = a.startsWith("--csv") ? ExportFormat.CSV : ExportFormat.JSON;
        int eq = a.indexOf('=');
        if (eq >= 0) {
            String file = a.substring(eq + 1);
            if (file.isBlank()) {
                throw new InvalidInputException(command, a.substring(0, eq) + "= needs a file");
            }
            return new Parsed(new ExportTarget(format, file.equals("-") ? null : path(file)), 1);
        }
        if (i + 1 < args.size()) {
            String next = args.get(i + 1);
            String lower = next.toLowerCase(Locale.ROOT);
            if (next.equals("-")) {
                return new Parsed(new ExportTarget(format, null), 2);
            }
            if (lower.endsWith(".csv") || lower.endsWith(".json") || lower.endsWith(".txt")) {
                return new Parsed(new ExportTarget(format, path(next)), 2);
            }
        }
        return new Parsed(new ExportTarget(format, null), 1);
    }

    /**
     * A parsed option.
     *
     * @param target the target
     * @param used the arguments it took
     */
    record Parsed(ExportTarget target, int used) {
    }

    /**
     * Writes the content to the file (replacing it) or to {@code out}.
     *
     * @param out standard output
     * @param content what to write
     * @return a line saying where it went, or {@code null} when it went to {@code out}
     * @throws InvalidInputException if the file cannot be written
     */
    String write(PrintStream out, Content content) {
        try {
            if (file == null) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                content.write(w);
                w.flush();
                return null;
            }
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part),
                        StandardCharsets.UTF_8))) {
                    content.write(w);
                }
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return "wrote " + file;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "cannot write: its folder does not exist");
        } catch (IOException e) {
            throw new InvalidInputException(file == null ? "standard output" : file.toString(), "cannot write: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(text, "not a valid path: " + e.getReason());
        }
    }
}
