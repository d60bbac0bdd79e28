package org.overparam.engine.internal.folder;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;

/**
 * A run's folder under the runs directory, named {@code <name>-<yyyyMMdd-HHmmss>-<4 hex digits>}:
 * <pre>
 * spec.yaml                       the resolved spec (RunSpec.text)
 * metrics.csv                     step,metric,value rows ({@link MetricsWriter})
 * result.json                     how the run ended ({@code ResultJson})
 * run.log                         start and end lines, swaps, stack traces ({@link RunLog})
 * series/&lt;label&gt;.&lt;name&gt;-step&lt;k&gt;.csv  analyzers' series (x,y) and matrices (rows of values)
 * artifacts/&lt;fileName&gt;           analyzers' files
 * checkpoint/checkpoint.bin       the latest checkpoint ({@code CheckpointFile})
 * run.lock                        locked while a process runs the run ({@link RunLock})
 * </pre>
 * Files are written with plain {@code java.io} streams, which an interrupt does not close.
 */
public final class RunFolder {
    /** The checkpoint's folder in a run folder. */
    public static final String CHECKPOINT = "checkpoint";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final String id;
    private final Path path;

    private RunFolder(String id, Path path) {
        this.id = id;
        this.path = path;
    }

    /**
     * {@link #create} with a random suffix, for a run.
     *
     * @param runsDirectory the parent, created if missing
     * @param name the experiment's name
     * @param now the start time
     * @return the folder
     * @throws InvalidInputException if it cannot be created
     */
    public static RunFolder createFor(Path runsDirectory, String name, LocalDateTime now) {
        try {
            return create(runsDirectory, name, now, () -> ThreadLocalRandom.current().nextInt());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(runsDirectory.toString(), "cannot create a run folder: " + e);
        }
    }

    /**
     * Creates a new, empty run folder (a fresh suffix is drawn if the name is taken).
     *
     * @param runsDirectory the parent, created if missing
     * @param name the experiment's name, made safe by {@link #safe}
     * @param now the start time
     * @param random a source of random ints (not the run's seed) for the suffix
     * @return the folder
     * @throws IOException if it cannot be created
     */
    public static RunFolder create(Path runsDirectory, String name, LocalDateTime now, IntSupplier random) throws IOException {
        Files.createDirectories(runsDirectory);
        String base = safe(name) + "-" + STAMP.format(now) + "-";
        for (int attempt = 0; ; attempt++) {
            String id = base + String.format("%04x", random.getAsInt() & 0xffff);
            Path p = runsDirectory.resolve(id);
            try {
                Files.createDirectory(p);
                return new RunFolder(id, p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * @param folder an existing run folder
     * @return it, its id being its name
     */
    public static RunFolder existing(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new RunFolder(name == null ? folder.toString() : name.toString(), folder);
    }

    /** @return the run's id, the folder's name */
    public String id() {
        return id;
    }

    /** @return the folder */
    public Path path() {
        return path;
    }

    /**
     * @param fileName a file directly in the folder
     * @return its path
     */
    public Path file(String fileName) {
        return path.resolve(fileName);
    }

    /**
     * @param fileName a file directly in the folder
     * @param text its content, UTF-8
     */
    public void writeText(String fileName, String text) {
        write(path.resolve(fileName), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code series/<metric>-step<k>.csv} with a header {@code x,y}.
     *
     * @param metric the full name, e.g. {@code landscape.slice}
     * @param step the step
     * @param x abscissae
     * @param y values, as many as x
     */
    public void series(String metric, long step, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + metric + " has " + x.length + " x values and "
                    + y.length + " y values");
        }
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < x.length; i++) {
            b.append(x[i]).append(',').append(y[i]).append('\n');
        }
        writeUnder("series", checkName(metric) + "-step" + step + ".csv", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code series/<metric>-step<k>.csv} with one line per row, no header.
     *
     * @param metric the full name
     * @param step the step
     * @param rows rows
     * @param cols columns
     * @param values row-major, rows * cols of them
     */
    public void matrix(String metric, long step, int rows, int cols, double[] values) {
        if (rows < 0 || cols < 0 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix " + metric + " of " + rows + "x" + cols + " does not fit "
                    + values.length + " values");
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(open("series",
                checkName(metric) + "-step" + step + ".csv"), StandardCharsets.UTF_8))) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(Double.toString(values[r * cols + c]));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the matrix " + metric, e);
        }
    }

    /**
     * @param fileName a plain file name, no path separators
     * @param content written to artifacts/
     */
    public void artifact(String fileName, byte[] content) {
        writeUnder("artifacts", checkName(fileName), content);
    }

    private void writeUnder(String dir, String fileName, byte[] content) {
        try (OutputStream out = open(dir, fileName)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + "/" + fileName, e);
        }
    }

    private OutputStream open(String dir, String fileName) throws IOException {
        Path d = path.resolve(dir);
        Files.createDirectories(d);
        return new FileOutputStream(d.resolve(fileName).toFile());
    }

    private static void write(Path file, byte[] content) {
        try (OutputStream out = new FileOutputStream(file.toFile())) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param name a file name from a plugin
     * @return it, if it names a plain file in one folder
     */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name (no path separators allowed)");
        }
        return name;
    }

    /**
     * @param name an experiment's name
     * @param folder the run folder actually used
     * @return the notice saying that the name was changed for the folder, or {@code null} if it was not
     */
    public static String renamedNotice(String name, String folder) {
        if (safe(name).equals(name)) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return "name '" + shown + "' is not safe as a folder name (only letters, digits, '.', '_' and '-', not first"
                + " '.' or '-'); the run folder is " + folder;
    }

    /**
     * @param name an experiment's name
     * @return the start of its run folders' names: characters other than letters, digits, '.', '_' and '-'
     *     (path separators, control characters, blanks, ...) become '-', and a name that is empty or starts
     *     with '.' or '-' (a hidden folder, {@code ..}, or one that reads as a command-line option) gets the
     *     prefix {@code run}
     */
    public static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() || s.startsWith(".") || s.startsWith("-") ? "run" + s : s;
    }

    /** Deletes the folder and everything in it, as far as it can (what is left goes when the JVM exits). */
    public void delete() {
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            path.toFile().deleteOnExit();
        }
    }
}
