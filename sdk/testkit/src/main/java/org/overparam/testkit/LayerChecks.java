package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.overparam.api.RandomStream;
import org.overparam.nn.Block;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Pass;

/**
 * The derivative checks every layer must pass (org.overparam.nn), against central finite
 * differences in double on random data with a fixed seed:
 * <ul>
 * <li>{@link #vjpError}: {@code backward} contracted with random directions {@code (dw, dx)}
 *     against {@code (s(+h) - s(-h)) / 2h}, {@code s(t) = <u, y(w + t dw, x + t dx)>};</li>
 * <li>{@link #tangentError}: the R-operator forward pass {@code R{y}} against the central
 *     difference of y along {@code (v, rx)}, with and without an input tangent;</li>
 * <li>{@link #rBackwardError}: the R-operator backward pass {@code (R{dx}, R{grad w})} against the
 *     central difference of {@code backward} along {@code (v, rx)} with the output signal
 *     {@code u + t ru}, and its {@code dx} against {@code backward}'s.</li>
 * </ul>
 * Each returns the largest relative error, {@code |a - b| / max(|a|, |b|, 1e-12)} (vectors: in the
 * max norm relative to the reference's max norm). With {@code h = 1e-5} a correct layer scores
 * about 1e-9 (truncation {@code h^2}, rounding {@code eps / h}); a wrong rule scores 1e-2 or more.
 * Points: weights N(0, 1/fanIn), biases N(0, 0.25), inputs and signals N(0, 1). A ReLU kink within
 * h of a pre-activation has probability about 1e-5 per unit and would show as a large error.
 */
public final class LayerChecks {
    private LayerChecks() {
    }

    /** @return the blocks' values, N(0, 1/fanIn) for weights and N(0, 0.25) for biases */
    public static double[][] point(BoundLayer layer, long seed) {
        RandomStream r = RandomStream.of(seed);
        List<Block> blocks = layer.blocks();
        double[][] w = new double[blocks.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new double[blocks.get(i).shape().size()];
            r.fillGaussian(w[i], blocks.get(i).bias() ? 0.5 : Math.sqrt(1.0 / blocks.get(i).fanIn()));
        }
        return w;
    }

    /** @return standard normal values in the layer's blocks */
    public static double[][] direction(BoundLayer layer, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[][] w = new double[layer.blocks().size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = new double[layer.blocks().get(i).shape().size()];
            r.fillGaussian(w[i], 1.0);
        }
        return w;
    }

    /** @return {@code count} standard normal values */
    public static double[] gaussian(int count, long seed) {
        double[] x = new double[count];
        RandomStream.of(seed).fillGaussian(x, 1.0);
        return x;
    }

    /** @return {@code w + t d}, new arrays (d may be null for zero) */
    static double[][] shift(double[][] w, double t, double[][] d) {
        double[][] s = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            s[i] = d == null ? w[i].clone() : shift(w[i], t, d[i]);
        }
        return s;
    }

    /** @return {@code x + t d}, a new array (d may be null for zero) */
    static double[] shift(double[] x, double t, double[] d) {
        double[] s = x.clone();
        if (d != null) {
            for (int i = 0; i < s.length; i++) {
                s[i] += t * d[i];
            }
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += dot(a[i], b[i]);
        }
        return s;
    }

    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-12);
    }

    static double relative(double[] a, double[] ref) {
        double err = 0;
        double max = 1e-12;
        for (int i = 0; i < a.length; i++) {
            err = Math.max(err, Math.abs(a[i] - ref[i]));
            max = Math.max(max, Math.abs(ref[i]));
        }
        return err / max;
    }

    static double[][] zeros(BoundLayer layer) {
        double[][] g = new double[layer.blocks().size()][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[layer.blocks().get(i).shape().size()];
        }
        return g;
    }

    /**
     * @param n samples
     * @param seed the data's seed
     * @param h the finite-difference step
     * @return the largest relative error of {@code backward} over 3 random directions
     */
    public static double vjpError(BoundLayer layer, int n, long seed, double h) {
        int in = layer.inputShape().size() * n;
        double[][] w = point(layer, seed);
        double[] x = gaussian(in, seed + 1);
        double[] u = gaussian(layer.outputShape().size() * n, seed + 2);
        double[][] grads = zeros(layer);
        double[] dx = layer.backward(layer.forward(w, n, x), u.clone(), true, grads);
        double err = 0;
        for (int k = 0; k < 3; k++) {
            double[][] dw = direction(layer, seed + 10 + k);
            double[] d = gaussian(in, seed + 20 + k);
            double fd = (dot(u, layer.forward(shift(w, h, dw), n, shift(x, h, d)).output())
                    - dot(u, layer.forward(shift(w, -h, dw), n, shift(x, -h, d)).output())) / (2 * h);
            err = Math.max(err, relative(dot(grads, dw) + dot(dx, d), fd));
        }
        return err;
    }

    /** @return the largest relative error of {@code tangent}, with and without an input tangent */
    public static double tangentError(BoundLayer layer, int n, long seed, double h) {
        int in = layer.inputShape().size() * n;
        double[][] w = point(layer, seed);
        double[] x = gaussian(in, seed + 1);
        double[][] v = direction(layer, seed + 3);
        double err = 0;
        for (double[] rx : new double[][] {gaussian(in, seed + 4), null}) {
            double[] plus = layer.forward(shift(w, h, v), n, shift(x, h, rx)).output();
            double[] minus = layer.forward(shift(w, -h, v), n, shift(x, -h, rx)).output();
            double[] fd = new double[plus.length];
            for (int i = 0; i < fd.length; i++) {
                fd[i] = (plus[i] - minus[i]) / (2 * h);
            }
            double[] r = layer.tangent(layer.forward(w, n, x), v, rx).output();
            err = Math.max(err, relative(r == null ? new double[fd.length] : r, fd));
        }
        return err;
    }

    /** @return the largest relative error of {@code rBackward} (and of its {@code dx}) */
    public static double rBackwardError(BoundLayer layer, int n, long seed, double h) {
        int in = layer.inputShape().size() * n;
        int out = layer.outputShape().size() * n;
        double[][] w = point(layer, seed);
        double[] x = gaussian(in, seed + 1);
        double[][] v = direction(layer, seed + 3);
        double[] rx = gaussian(in, seed + 4);
        double[] u = gaussian(out, seed + 5);
        double[] ru = gaussian(out, seed + 6);
        Pass pass = layer.forward(w, n, x);
        double[][] hv = zeros(layer);
        double[][] r = layer.rBackward(pass, layer.tangent(pass, v, rx), u.clone(), ru.clone(), true, hv);
        double[][] gPlus = zeros(layer);
        double[][] gMinus = zeros(layer);
        double[] dPlus = layer.backward(layer.forward(shift(w, h, v), n, shift(x, h, rx)), shift(u, h, ru), true, gPlus);
        double[] dMinus = layer.backward(layer.forward(shift(w, -h, v), n, shift(x, -h, rx)), shift(u, -h, ru), true,
                gMinus);
        double[] fdx = new double[in];
        for (int i = 0; i < in; i++) {
            fdx[i] = (dPlus[i] - dMinus[i]) / (2 * h);
        }
        double err = relative(r[1], fdx);
        for (int b = 0; b < hv.length; b++) {
            double[] fd = new double[hv[b].length];
            for (int i = 0; i < fd.length; i++) {
                fd[i] = (gPlus[b][i] - gMinus[b][i]) / (2 * h);
            }
            err = Math.max(err, relative(hv[b], fd));
        }
        double[] dx = layer.backward(layer.forward(w, n, x), u.clone(), true, null);
        return Math.max(err, relative(r[0], dx));
    }

    /**
     * Runs the three checks on 3 samples with {@code h = 1e-5} and asserts each below {@code tol}.
     *
     * @param layer the layer
     * @param seed the data's seed
     * @param tol the tolerance (1e-6 leaves a margin of about 1000 over a correct layer)
     * @return the largest of the three errors
     */
    public static double assertDerivatives(BoundLayer layer, long seed, double tol) {
        double[] e = {vjpError(layer, 3, seed, 1e-5), tangentError(layer, 3, seed, 1e-5),
            rBackwardError(layer, 3, seed, 1e-5)};
        String[] what = {"vector-Jacobian product", "R-operator forward", "R-operator backward"};
        for (int i = 0; i < e.length; i++) {
            assertTrue(e[i] <= tol, layer.name() + ": " + what[i] + " error " + e[i] + " above " + tol);
        }
        return Math.max(e[0], Math.max(e[1], e[2]));
    }
}
