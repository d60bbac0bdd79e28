package org.overparam.plugin.synthetic.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.DataSize;
import org.overparam.api.Dataset;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Param;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.Task;

/**
 * The data set {@code sphere}: n training and {@code nTest} test inputs uniform on the unit sphere
 * of R^d (a Gaussian vector, normalized), the training inputs at pairwise distance at least
 * {@code delta} ({@link Rejection}), optionally with the last coordinate fixed as in arXiv
 * 1811.03962 ({@link Sphere}); regression targets from a random ReLU teacher, Caron et al.'s sine
 * function (arXiv 2302.01002: d = 50, n = 100 and 100 test points, noise 0.1) or a random linear
 * function ({@link Target}), plus Gaussian label noise.
 *
 * <p>Streams, all derived from the component's: {@code train}, {@code test}, {@code teacher},
 * {@code linear}, {@code noise.train}, {@code noise.test}; so the training set does not depend on
 * {@code nTest}. Facts: {@code n}, {@code d}, {@code max_norm} and, for two points or more,
 * {@code delta}, the measured minimum pairwise distance of the training inputs ({@link MinDistance}).
 *
 * <p>Checks beyond the {@code @Param} ranges (which are checked before this component runs), as they
 * depend on several parameters or on the draw: {@code d} at least 3 with a fixed last coordinate,
 * {@code outputs} other than 1 only for the teacher target, and {@code delta} reachable by
 * rejection ({@link Rejection}).
 */
@Component(service = Dataset.class, property = {
    ComponentProperties.NAME + "=sphere",
    ComponentProperties.DESCRIPTION + "=Points on the unit sphere with a minimum distance; teacher, sine or linear targets"})
public final class SphereDataset implements Dataset {

    /** The parameters of {@code sphere}. */
    public @interface Settings {
        /** @return n */
        @Param(value = "training points n", min = 1)
        int n() default 100;

        /** @return the test points */
        @Param(value = "test points, uniform on the same sphere (no distance constraint)", min = 0)
        int nTest() default 0;

        /** @return d */
        @Param(value = "input dimension d", min = 2)
        int d() default 10;

        /** @return the minimum distance */
        @Param(value = "minimum pairwise distance of the training inputs, enforced by rejection", min = 0)
        double delta() default 0.0;

        /** @return the fixed last coordinate, or 0 for none */
        @Param(value = "fix the last coordinate to this value c and scale the rest to norm sqrt(1 - c^2);"
                + " arXiv 1811.03962 uses 1/sqrt(2) = 0.7071067811865476; 0: off (the whole sphere)",
                min = 0, max = 1, maxExclusive = true)
        double lastCoordinate() default 0.0;

        /** @return the target function */
        @Param(value = "targets: a random ReLU teacher (standardized), Caron et al.'s mean 5 sin(pi x_j), or u.x",
                options = {"teacher", "sine", "linear"})
        String target() default "teacher";

        /** @return the teacher's width */
        @Param(value = "hidden units of the teacher network", min = 1)
        int teacherWidth() default 16;

        /** @return k */
        @Param(value = "outputs per sample k (teacher only; sine and linear have one)", min = 1)
        int outputs() default 1;

        /** @return the noise's standard deviation, or a negative number for the target's default */
        @Param(value = "standard deviation of Gaussian label noise; negative (default): the target's own,"
                + " 0.1 for sine (arXiv 2302.01002), 0 for teacher and linear", min = -1)
        double noise() default -1.0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** The sizes follow from the parameters alone: {@code n}, {@code nTest}, {@code [d]} and k. */
    @Override
    public Optional<DataSize> size(Config config) {
        Settings c = config.as(Settings.class);
        int k = Target.of(c.target()) == Target.TEACHER ? c.outputs() : 1;
        return Optional.of(new DataSize(c.n(), c.nTest(), Shape.of(c.d()), k, false));
    }

    @Override
    public Data load(Config config, RandomStream random) {
        Settings c = config.as(Settings.class);
        Target target = Target.of(c.target());
        int n = c.n();
        int nTest = c.nTest();
        int d = c.d();
        int k = c.outputs();
        int width = c.teacherWidth();
        double delta = c.delta();
        double last = c.lastCoordinate() == 0 ? Double.NaN : c.lastCoordinate();
        if (!Double.isNaN(last) && d < 3) {
            throw new InvalidInputException("d", "with a fixed last coordinate d must be at least 3 (got " + d
                    + "): the other coordinates need a circle at least");
        }
        if (k != 1 && target != Target.TEACHER) {
            throw new InvalidInputException("outputs", "outputs " + k + " needs target teacher; " + target.key()
                    + " has one output");
        }
        double noise = c.noise() < 0 ? target.defaultNoise() : c.noise();
        Sphere sphere = new Sphere(d, last);
        double[] x = Arrays.copyOf(Rejection.draw(n, sphere, delta, random.derive("train")), (n + nTest) * d);
        System.arraycopy(Rejection.draw(nTest, sphere, 0, random.derive("test")), 0, x, n * d, nTest * d);
        double[] y = target.compute(x, n + nTest, n, d, k, width, random);
        if (noise > 0) {
            addNoise(y, 0, n * k, noise, random.derive("noise.train"));
            addNoise(y, n * k, nTest * k, noise, random.derive("noise.test"));
        }
        Shape shape = Shape.of(d);
        Batch train = new Batch(shape, n, Arrays.copyOf(x, n * d), k, Arrays.copyOf(y, n * k), null);
        Batch test = new Batch(shape, nTest, Arrays.copyOfRange(x, n * d, x.length), k,
                Arrays.copyOfRange(y, n * k, y.length), null);
        Map<String, Double> facts = new LinkedHashMap<>();
        facts.put("n", (double) n);
        facts.put("d", (double) d);
        facts.put("max_norm", maxNorm(train.inputs(), n, d));
        if (n >= 2) {
            facts.put("delta", MinDistance.of(train.inputs(), n, d));
        }
        return new Data(train, test, Task.REGRESSION, facts, describe(c, n, nTest, d, k, target, noise, facts.get("delta")));
    }

    private static String describe(Settings c, int n, int nTest, int d, int k, Target target, double noise, Double delta) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d train / %d test points on the unit sphere in R^%d",
                n, nTest, d));
        if (c.lastCoordinate() != 0) {
            s.append(String.format(Locale.ROOT, " with last coordinate %.4g", c.lastCoordinate()));
        }
        if (delta != null) {
            s.append(String.format(Locale.ROOT, " (min distance %.4g)", delta));
        }
        s.append(", ").append(target.key()).append(" targets");
        if (target == Target.TEACHER) {
            s.append(String.format(Locale.ROOT, " (%d ReLU units, %d output%s)", c.teacherWidth(), k, k == 1 ? "" : "s"));
        }
        if (noise > 0) {
            s.append(String.format(Locale.ROOT, ", noise sd %.3g", noise));
        }
        return s.toString();
    }

    private static void addNoise(double[] y, int from, int count, double sd, RandomStream random) {
        double[] e = new double[count];
        random.fillGaussian(e, sd);
        for (int i = 0; i < count; i++) {
            y[from + i] += e[i];
        }
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
