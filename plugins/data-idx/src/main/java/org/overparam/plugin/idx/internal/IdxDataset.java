package org.overparam.plugin.idx.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
import org.overparam.linalg.Normalization;
import org.overparam.linalg.Rows;

/**
 * The data set {@code idx}: a classification subset of an image collection in IDX files, by
 * default Fashion-MNIST (Xiao, Rasul, Vollgraf, arXiv 1708.07747) where Debian's
 * {@code dataset-fashion-mnist} package installs it. It keeps the listed classes, relabelled
 * {@code 0..c-1} in the order given, draws n training and {@code nTest} test images
 * ({@link Subset}, streams {@code train} and {@code test}), pools them ({@link Pooling}) and scales
 * them ({@link Normalization}, after pooling; unit norm by default, as the theory assumes;
 * {@code centered} keeps unit-norm inputs but removes the large common component all-positive pixel
 * vectors share, which dominates the NTK Gram matrix and slows gradient descent; {@code none} keeps
 * the pixel values in [0, 1]). Inputs have the shape
 * {@code [1, h/f, w/f]}. Targets are one-hot ({@code k = c}) or, for two classes, a single signed
 * output ({@code -1} for the first class, {@code +1} for the second; labels 0 and 1).
 *
 * <p>Facts: {@code n}, {@code d}, {@code classes}, {@code max_norm} and, for two samples or more,
 * {@code delta}, the minimum pairwise distance of the training inputs ({@link Rows#minDistance}).
 * Files are read only once per run, the test files only when {@code nTest > 0}.
 *
 * <p>Checks beyond the {@code @Param} ranges (which are checked before {@code load} runs): each of
 * {@code classes} below {@code labels} and listed once, {@code signed} targets with exactly two
 * classes, {@code downsample} dividing the images' size, and the files' own contents.
 */
@Component(service = Dataset.class, property = {
    ComponentProperties.NAME + "=idx",
    ComponentProperties.DESCRIPTION + "=Images from IDX files (Fashion-MNIST by default): class subset, n samples, pooling, unit norm"})
public final class IdxDataset implements Dataset {
    /** Where Debian's dataset-fashion-mnist package puts the files. */
    static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";

    /** The parameters of {@code idx}. */
    public @interface Settings {
        /** @return the folder */
        @Param("folder of the IDX files; the default is where Debian's dataset-fashion-mnist installs Fashion-MNIST")
        String dir() default DEBIAN_DIR;

        /** @return the training images' file name */
        @Param("training images (IDX3) in dir; NAME or NAME.gz, gzip read directly")
        String trainImages() default "train-images-idx3-ubyte";

        /** @return the training labels' file name */
        @Param("training labels (IDX1) in dir; NAME or NAME.gz")
        String trainLabels() default "train-labels-idx1-ubyte";

        /** @return the test images' file name */
        @Param("test images (IDX3) in dir, read only when nTest > 0; NAME or NAME.gz")
        String testImages() default "t10k-images-idx3-ubyte";

        /** @return the test labels' file name */
        @Param("test labels (IDX1) in dir, read only when nTest > 0; NAME or NAME.gz")
        String testLabels() default "t10k-labels-idx1-ubyte";

        /** @return the classes */
        @Param(value = "labels to keep, relabelled 0..c-1 in this order (Fashion-MNIST: 0 T-shirt, 1 trouser,"
                + " 2 pullover, 3 dress, 4 coat, 5 sandal, 6 shirt, 7 sneaker, 8 bag, 9 ankle boot)", min = 0, max = 255)
        int[] classes() default {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        /** @return the number of labels in the files */
        @Param(value = "labels in the files lie in 0..labels-1 (10 for MNIST and Fashion-MNIST); a label outside is"
                + " reported as corrupt data", min = 1, max = 256)
        int labels() default 10;

        /** @return n */
        @Param(value = "training samples n", min = 1)
        int n() default 1000;

        /** @return the test samples */
        @Param(value = "test samples, from the test files", min = 0)
        int nTest() default 0;

        /** @return how samples are drawn */
        @Param(value = "how samples are drawn: stratified (equal shares per class) or random (uniform)",
                options = {"stratified", "random"})
        String sampling() default "stratified";

        /** @return the pooling factor */
        @Param(value = "average pooling factor f: 28x28 images become 14x14 for 2, 7x7 for 4 (f must divide the size)",
                min = 1)
        int downsample() default 1;

        /** @return the normalization */
        @Param(value = "unit: each input to norm 1 (the theory's assumption); centered: the training mean image"
                + " subtracted, then norm 1 (better conditioned); standard: each pixel to zero mean and unit variance"
                + " over the training set; none: pixel values in [0, 1]",
                options = {"unit", "centered", "standard", "none"})
        String normalize() default "unit";

        /** @return the target encoding */
        @Param(value = "onehot: k = c outputs; signed: two classes, one output, -1 for the first class, +1 for the second",
                options = {"onehot", "signed"})
        String targets() default "onehot";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Data load(Config config, RandomStream random) {
        Settings c = config.as(Settings.class);
        int labelCount = c.labels();
        int[] classes = classes(c.classes(), labelCount);
        int n = c.n();
        int nTest = c.nTest();
        int f = c.downsample();
        Normalization norm = Normalization.of(c.normalize()).orElseThrow(() -> new InvalidInputException("normalize",
                "unknown normalization '" + c.normalize() + "'; choose unit, centered, standard or none"));
        boolean signed = switch (c.targets()) {
            case "onehot" -> false;
            case "signed" -> true;
            default -> throw new InvalidInputException("targets", "unknown targets '" + c.targets() + "'; choose onehot or signed");
        };
        if (signed && classes.length != 2) {
            throw new InvalidInputException("targets", "signed targets need exactly two classes, got " + classes.length
                    + " " + Arrays.toString(classes) + "; use onehot or list two classes");
        }
        boolean stratified = switch (c.sampling()) {
            case "stratified" -> true;
            case "random" -> false;
            default -> throw new InvalidInputException("sampling", "unknown sampling '" + c.sampling()
                    + "'; choose stratified or random");
        };
        Path dir = Locator.folder(c.dir());
        Split train = Split.read(Locator.file(dir, c.trainImages(), "trainImages"),
                Locator.file(dir, c.trainLabels(), "trainLabels"), classes, labelCount, n, "n", "training", stratified,
                random.derive("train"));
        Split test = nTest == 0 ? null : Split.read(Locator.file(dir, c.testImages(), "testImages"),
                Locator.file(dir, c.testLabels(), "testLabels"), classes, labelCount, nTest, "nTest", "test", stratified,
                random.derive("test"));
        int h = train.images().rows();
        int w = train.images().cols();
        if (test != null && (test.images().rows() != h || test.images().cols() != w)) {
            throw new InvalidInputException(test.imageFile().toString(), "holds " + test.images().rows() + "x"
                    + test.images().cols() + " images but the training images are " + h + "x" + w);
        }
        if (h % f != 0 || w % f != 0) {
            throw new InvalidInputException("downsample", "factor " + f + " does not divide the " + h + "x" + w
                    + " images of " + train.imageFile() + divisors(h, w));
        }
        Shape shape = Shape.of(1, h / f, w / f);
        int d = shape.size();
        double[] x = Pooling.apply(train.images().pixels(), n, h, w, f);
        double[] xt = test == null ? new double[0] : Pooling.apply(test.images().pixels(), nTest, h, w, f);
        norm.apply(x, n, xt, nTest, d, (i, isTest) -> {
            Split s = isTest ? test : train;
            return new InvalidInputException(s.imageFile().toString(), "image " + s.positions()[i]
                    + " is all zero and cannot be scaled to norm 1; use normalize: standard or none");
        });
        int k = signed ? 1 : classes.length;
        Batch trainBatch = new Batch(shape, n, x, k, targets(train.labels(), k, signed), train.labels());
        Batch testBatch = new Batch(shape, nTest, xt, k,
                test == null ? new double[0] : targets(test.labels(), k, signed), test == null ? new int[0] : test.labels());
        Map<String, Double> facts = new LinkedHashMap<>();
        facts.put("n", (double) n);
        facts.put("d", (double) d);
        facts.put("classes", (double) classes.length);
        facts.put("max_norm", maxNorm(x, n, d));
        if (n >= 2) {
            facts.put("delta", Rows.minDistance(x, n, d));
        }
        String what = String.format(Locale.ROOT, "%d train / %d test %dx%d images of classes %s from %s, %s inputs,"
                + " %s targets", n, nTest, h / f, w / f, Arrays.toString(classes), dir, norm.key(), c.targets());
        if (facts.containsKey("delta")) {
            what += String.format(Locale.ROOT, " (min distance %.4g)", facts.get("delta"));
        }
        return new Data(trainBatch, testBatch, Task.CLASSIFICATION, facts, what);
    }

    /** One-hot rows, or a single column of -1 (label 0) and +1 (label 1). */
    private static double[] targets(int[] labels, int k, boolean signed) {
        double[] y = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            if (signed) {
                y[i] = labels[i] == 0 ? -1.0 : 1.0;
            } else {
                y[i * k + labels[i]] = 1.0;
            }
        }
        return y;
    }

    private static int[] classes(int[] given, int labelCount) {
        if (given.length == 0) {
            throw new InvalidInputException("classes", "no classes listed; give at least one label, e.g. [0, 1]");
        }
        boolean[] seen = new boolean[256];
        for (int l : given) {
            if (l < 0 || l >= labelCount) {
                throw new InvalidInputException("classes", "label " + l + " is outside 0.." + (labelCount - 1)
                        + " (set dataset.labels if the files have more classes)");
            }
            if (seen[l]) {
                throw new InvalidInputException("classes", "label " + l + " is listed twice in " + Arrays.toString(given));
            }
            seen[l] = true;
        }
        return given.clone();
    }

    private static String divisors(int h, int w) {
        StringBuilder s = new StringBuilder("; factors that fit: ");
        String sep = "";
        for (int f = 1; f <= Math.min(h, w); f++) {
            if (h % f == 0 && w % f == 0) {
                s.append(sep).append(f);
                sep = ", ";
            }
        }
        return s.toString();
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
