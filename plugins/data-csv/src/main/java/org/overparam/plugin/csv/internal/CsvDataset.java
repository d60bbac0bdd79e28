package org.overparam.plugin.csv.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Dataset;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.api.run.Names;
import org.overparam.linalg.Normalization;
import org.overparam.linalg.Rows;

/**
 * The data set {@code csv}: one sample per row of a CSV file ({@link Table}); one column is the
 * target, every other column an input coordinate (input shape {@code [d]}). Regression targets are
 * the column's numbers (one output); for classification the column's distinct values are the
 * classes, sorted (numerically when all are numbers), with one-hot targets. The test rows come
 * from {@code testFile}, which must have the same columns. {@code n > 0} keeps a uniform random
 * subset of the training rows (stream {@code train}), in file order; {@code nTest > 0} likewise
 * (stream {@code test}). Inputs are scaled by {@link Normalization}; when that changes a row by more
 * than 1e-12 relative, a notice says how many rows changed and that {@code normalize: none} keeps
 * the values as written ({@link Changes}).
 *
 * <p>Facts: {@code n}, {@code d}, {@code max_norm}, {@code classes} for classification and, for two
 * rows or more, {@code delta}, the minimum pairwise distance of the training inputs.
 */
@Component(service = Dataset.class, property = {
    ComponentProperties.NAME + "=csv",
    ComponentProperties.DESCRIPTION + "=Rows of a CSV file: one target column, regression or classification"})
public final class CsvDataset implements Dataset {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The parameters of {@code csv}. */
    public @interface Settings {
        /** @return the training file */
        @Param("the CSV file of training rows (a relative path starts at the experiment file's folder)")
        String file();

        /** @return the test file, or empty */
        @Param("a CSV file of test rows with the same columns; empty: no test set")
        String testFile() default "";

        /** @return whether the first line names the columns */
        @Param("whether the first line of each file names the columns")
        boolean header() default true;

        /** @return the target column */
        @Param("the target column: a name from the header, a 0-based index, or last")
        String target() default "last";

        /** @return the task */
        @Param(value = "regression (numeric target, one output) or classification (the target's values are classes,"
                + " one-hot targets)", options = {"regression", "classification"})
        String task() default "regression";

        /** @return n, or 0 */
        @Param(value = "training rows to use, a seeded random subset; 0: all", min = 0)
        int n() default 0;

        /** @return the test rows, or 0 */
        @Param(value = "test rows to use, a seeded random subset; 0: all of testFile", min = 0)
        int nTest() default 0;

        /** @return the normalization */
        @Param(value = "unit: each row's inputs to norm 1 (the theory's assumption); centered: the training rows'"
                + " mean subtracted, then norm 1; standard: each column to zero mean and unit variance over the"
                + " training rows; none: as written", options = {"unit", "centered", "standard", "none"})
        String normalize() default "unit";

        /** @return the delimiter */
        @Param("the cell separator: one character, or tab")
        String delimiter() default ",";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Data load(Config config, RandomStream random) {
        return load(config, random, notice -> { });
    }

    /** Reports, when the normalization changed a row by more than 1e-12 relative, how many and how much. */
    @Override
    public Data load(Config config, RandomStream random, Consumer<String> notices) {
        Settings c = config.as(Settings.class);
        char delimiter = delimiter(c.delimiter());
        boolean classification = switch (c.task()) {
            case "regression" -> false;
            case "classification" -> true;
            default -> throw new InvalidInputException("task", "unknown task '" + c.task()
                    + "'; choose regression or classification");
        };
        Normalization norm = Normalization.of(c.normalize()).orElseThrow(() -> new InvalidInputException("normalize",
                "unknown normalization '" + c.normalize() + "'; choose unit, centered, standard or none"));
        Table train = Table.read(c.file(), delimiter, c.header(), "file");
        int target = target(c.target(), train);
        if (train.columns() < 2) {
            throw new InvalidInputException("file", c.file() + " has only the target column; a sample needs at least one input"
                    + " column besides it");
        }
        Table test = c.testFile().isBlank() ? null : Table.read(c.testFile(), delimiter, c.header(), "testFile");
        if (test != null && !test.names().equals(train.names())) {
            throw new InvalidInputException(c.testFile(), "has columns " + test.names() + " but " + c.file() + " has "
                    + train.names());
        }
        int[] trainRows = rows(train, c.n(), "n", random.derive("train"));
        int[] testRows = test == null ? new int[0] : rows(test, c.nTest(), "nTest", random.derive("test"));
        int d = train.columns() - 1;
        List<String> classes = classification ? Classes.of(train, trainRows, target) : null;
        int k = classification ? classes.size() : 1;
        double[] x = inputs(train, trainRows, target);
        double[] xt = test == null ? new double[0] : inputs(test, testRows, target);
        double[] asWritten = x.clone();
        double[] testAsWritten = xt.clone();
        norm.apply(x, trainRows.length, xt, testRows.length, d, (i, isTest) -> new InvalidInputException(
                isTest ? test.at(testRows[i]) : train.at(trainRows[i]),
                "all inputs are zero, so the row cannot be scaled to norm 1; use normalize: standard or none"));
        Changes changed = Changes.between(asWritten, x, d).and(Changes.between(testAsWritten, xt, d));
        if (changed.rows() > 0) {
            notices.accept(changed.notice(norm.key(), trainRows.length + testRows.length));
        }
        Shape shape = Shape.of(d);
        Batch trainBatch = batch(train, trainRows, target, classes, shape, x, k);
        Batch testBatch = test == null ? new Batch(shape, 0, new double[0], k, new double[0], classification ? new int[0] : null)
                : batch(test, testRows, target, classes, shape, xt, k);
        int n = trainRows.length;
        Map<String, Double> facts = new LinkedHashMap<>();
        facts.put("n", (double) n);
        facts.put("d", (double) d);
        if (classification) {
            facts.put("classes", (double) k);
        }
        facts.put("max_norm", maxNorm(x, n, d));
        if (n >= 2) {
            facts.put("delta", Rows.minDistance(x, n, d));
        }
        String what = String.format(Locale.ROOT, "%d train / %d test rows of %s, %d inputs, target '%s' (%s), %s inputs",
                n, testRows.length, c.file(), d, train.names().get(target),
                classification ? k + " classes " + classes : "regression", norm.key());
        return new Data(trainBatch, testBatch, classification ? Task.CLASSIFICATION : Task.REGRESSION, facts, what);
    }

    private static Batch batch(Table t, int[] rows, int target, List<String> classes, Shape shape, double[] x, int k) {
        double[] y = new double[rows.length * k];
        int[] labels = classes == null ? null : new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            String cell = t.rows().get(rows[r])[target];
            if (classes == null) {
                y[r] = number(t, rows[r], target, cell);
            } else {
                int label = classes.indexOf(cell);
                if (label < 0) {
                    throw new InvalidInputException(t.at(rows[r]), t.column(target) + ": class '" + cell
                            + "' does not occur in the training rows " + classes);
                }
                labels[r] = label;
                y[r * k + label] = 1.0;
            }
        }
        return new Batch(shape, rows.length, x, k, y, labels);
    }

    private static double[] inputs(Table t, int[] rows, int target) {
        int d = t.columns() - 1;
        double[] x = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            String[] cells = t.rows().get(rows[r]);
            int j = 0;
            for (int col = 0; col < cells.length; col++) {
                if (col != target) {
                    x[r * d + j++] = number(t, rows[r], col, cells[col]);
                }
            }
        }
        return x;
    }

    /** Parses a decimal number; the grammar refuses Java's extras (NaN, Infinity, hex, 1f, 1d). */
    static double number(Table t, int row, int col, String cell) {
        if (cell.isEmpty()) {
            throw new InvalidInputException(t.at(row), t.column(col) + " is empty");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new InvalidInputException(t.at(row), t.column(col) + ": '" + cell + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(t.at(row), t.column(col) + ": '" + cell + "' is too large for a double");
        }
        return v;
    }

    private static int[] rows(Table t, int limit, String param, RandomStream random) {
        int all = t.rows().size();
        if (limit > all) {
            throw new InvalidInputException(param, param + " " + limit + " is more than the " + all + " rows of " + t.file());
        }
        int[] order = new int[all];
        for (int i = 0; i < all; i++) {
            order[i] = i;
        }
        if (limit == 0 || limit == all) {
            return order;
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(all - i);
            int s = order[i];
            order[i] = order[j];
            order[j] = s;
        }
        int[] chosen = Arrays.copyOf(order, limit);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int target(String spec, Table t) {
        String s = spec.strip();
        if (s.equals("last")) {
            return t.columns() - 1;
        }
        int byName = t.names().indexOf(s);
        if (byName >= 0) {
            if (t.names().lastIndexOf(s) != byName) {
                throw new InvalidInputException("target", "the header of " + t.file() + " names two columns '" + s
                        + "'; give the target's 0-based index");
            }
            return byName;
        }
        if (s.matches("\\d+")) {
            int i = Integer.parseInt(s);
            if (i >= t.columns()) {
                throw new InvalidInputException("target", "column " + i + " is beyond the " + t.columns()
                        + " columns of " + t.file() + " (indices start at 0)");
            }
            return i;
        }
        List<String> names = new ArrayList<>(t.names());
        throw new InvalidInputException("target", "no column named '" + s + "' in " + t.file()
                + Names.suggestion(s, names) + "; columns: " + names);
    }

    private static char delimiter(String s) {
        if (s.equals("tab") || s.equals("\\t") || s.equals("\t")) {
            return '\t';
        }
        if (s.length() != 1 || s.equals("\"")) {
            throw new InvalidInputException("delimiter", "'" + s + "' is not one character other than a quote; use e.g."
                    + " ',', ';' or tab");
        }
        return s.charAt(0);
    }

    private static double maxNorm(double[] x, int n, int d) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            max = Math.max(max, Math.sqrt(s));
        }
        return max;
    }
}
