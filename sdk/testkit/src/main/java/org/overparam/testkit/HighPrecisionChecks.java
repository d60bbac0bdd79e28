package org.overparam.testkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.overparam.nn.BoundLayer;
import org.overparam.nn.Pass;

/**
 * A layer against a higher-precision reference of its forward pass (a {@link Reference} in
 * {@link BigDecimal}, 60 digits, e.g. with {@link BigMath}): the forward pass, and the
 * vector-Jacobian product, R-operator forward and R-operator backward against central differences
 * of the reference, which at this precision are exact to about 1e-30 (steps 1e-20 and, for the
 * mixed second derivative, 1e-15). So the double-precision rules are checked to rounding level
 * (about 1e-15 relative), far below what differences in double can resolve (1e-9).
 *
 * <p>The R-operator backward pass is checked contracted with random directions {@code (e_w, e_x)}:
 * {@code <e_w, R{grad w}> + <e_x, R{dx}> = d/dt d/ds G(0, 0)} with
 * {@code G(t, s) = <u + t ru, y(w + t v + s e_w, x + t rx + s e_x)>}.
 */
public final class HighPrecisionChecks {
    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

    private HighPrecisionChecks() {
    }

    /** A layer's forward pass in high precision. */
    @FunctionalInterface
    public interface Reference {
        /**
         * @param w the blocks' values
         * @param n samples
         * @param x {@code n x inputShape} inputs
         * @param mc the precision
         * @return {@code n x outputShape} outputs
         */
        BigDecimal[] forward(BigDecimal[][] w, int n, BigDecimal[] x, MathContext mc);
    }

    /**
     * Relative errors (max norm for vectors) of the layer against the reference.
     *
     * @param forward of the outputs
     * @param vjp of {@code backward} contracted with a random direction
     * @param tangent of the R-operator forward pass
     * @param rBackward of the R-operator backward pass contracted with a random direction
     */
    public record Errors(double forward, double vjp, double tangent, double rBackward) {
        /** @return the largest */
        public double max() {
            return Math.max(Math.max(forward, vjp), Math.max(tangent, rBackward));
        }
    }

    private static BigDecimal[] big(double[] x) {
        BigDecimal[] b = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = new BigDecimal(x[i]);
        }
        return b;
    }

    private static BigDecimal[][] big(double[][] w) {
        BigDecimal[][] b = new BigDecimal[w.length][];
        for (int i = 0; i < w.length; i++) {
            b[i] = big(w[i]);
        }
        return b;
    }

    /** @return {@code x + t a + s b} (a or b may be null for zero) */
    private static BigDecimal[] at(double[] x, BigDecimal t, double[] a, BigDecimal s, double[] b) {
        BigDecimal[] r = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            BigDecimal v = new BigDecimal(x[i]);
            v = a == null ? v : v.add(t.multiply(new BigDecimal(a[i])), MC);
            r[i] = b == null ? v : v.add(s.multiply(new BigDecimal(b[i])), MC);
        }
        return r;
    }

    private static BigDecimal[][] at(double[][] w, BigDecimal t, double[][] a, BigDecimal s, double[][] b) {
        BigDecimal[][] r = new BigDecimal[w.length][];
        for (int i = 0; i < w.length; i++) {
            r[i] = at(w[i], t, a == null ? null : a[i], s, b == null ? null : b[i]);
        }
        return r;
    }

    private static BigDecimal dot(double[] u, BigDecimal t, double[] ru, BigDecimal[] y) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < y.length; i++) {
            BigDecimal c = new BigDecimal(u[i]).add(t.multiply(new BigDecimal(ru[i])), MC);
            s = s.add(c.multiply(y[i], MC), MC);
        }
        return s;
    }

    /**
     * @param layer the layer
     * @param ref its forward pass in high precision
     * @param n samples
     * @param seed the data's seed (as {@link LayerChecks})
     * @return the errors
     */
    public static Errors errors(BoundLayer layer, Reference ref, int n, long seed) {
        int in = layer.inputShape().size() * n;
        int out = layer.outputShape().size() * n;
        double[][] w = LayerChecks.point(layer, seed);
        double[] x = LayerChecks.gaussian(in, seed + 1);
        double[][] v = LayerChecks.direction(layer, seed + 3);
        double[] rx = LayerChecks.gaussian(in, seed + 4);
        double[] u = LayerChecks.gaussian(out, seed + 5);
        double[] ru = LayerChecks.gaussian(out, seed + 6);
        double[][] ew = LayerChecks.direction(layer, seed + 7);
        double[] ex = LayerChecks.gaussian(in, seed + 8);
        double[] zero = new double[out];
        Pass pass = layer.forward(w, n, x);
        BigDecimal[] y = ref.forward(big(w), n, big(x), MC);
        double[] yRef = new double[out];
        for (int i = 0; i < out; i++) {
            yRef[i] = y[i].doubleValue();
        }
        double forward = LayerChecks.relative(pass.output(), yRef);

        BigDecimal h = new BigDecimal("1e-20");
        BigDecimal[] yp = ref.forward(at(w, h, v, h, null), n, at(x, h, rx, h, null), MC);
        BigDecimal[] ym = ref.forward(at(w, h.negate(), v, h, null), n, at(x, h.negate(), rx, h, null), MC);
        double[] fd = new double[out];
        for (int i = 0; i < out; i++) {
            fd[i] = yp[i].subtract(ym[i], MC).divide(h.multiply(BigDecimal.valueOf(2)), MC).doubleValue();
        }
        double[] r = layer.tangent(layer.forward(w, n, x), v, rx).output();
        double tangent = LayerChecks.relative(r == null ? new double[out] : r, fd);

        double[][] grads = LayerChecks.zeros(layer);
        double[] dx = layer.backward(layer.forward(w, n, x), u.clone(), true, grads);
        BigDecimal gp = dot(u, BigDecimal.ZERO, zero, ref.forward(at(w, h, ew, h, null), n, at(x, h, ex, h, null), MC));
        BigDecimal gm = dot(u, BigDecimal.ZERO, zero,
                ref.forward(at(w, h.negate(), ew, h, null), n, at(x, h.negate(), ex, h, null), MC));
        double vjpRef = gp.subtract(gm, MC).divide(h.multiply(BigDecimal.valueOf(2)), MC).doubleValue();
        double vjp = LayerChecks.relative(LayerChecks.dot(grads, ew) + LayerChecks.dot(dx, ex), vjpRef);

        Pass p2 = layer.forward(w, n, x);
        double[][] hv = LayerChecks.zeros(layer);
        double[][] rd = layer.rBackward(p2, layer.tangent(p2, v, rx), u.clone(), ru.clone(), true, hv);
        BigDecimal k = new BigDecimal("1e-15");
        BigDecimal mixed = BigDecimal.ZERO;
        for (int a = -1; a <= 1; a += 2) {
            for (int b = -1; b <= 1; b += 2) {
                BigDecimal t = k.multiply(BigDecimal.valueOf(a));
                BigDecimal s = k.multiply(BigDecimal.valueOf(b));
                BigDecimal g = dot(u, t, ru, ref.forward(at(w, t, v, s, ew), n, at(x, t, rx, s, ex), MC));
                mixed = mixed.add(g.multiply(BigDecimal.valueOf((long) a * b)), MC);
            }
        }
        double rRef = mixed.divide(k.multiply(k).multiply(BigDecimal.valueOf(4)), MC).doubleValue();
        double rBackward = LayerChecks.relative(LayerChecks.dot(hv, ew) + LayerChecks.dot(rd[1], ex), rRef);
        return new Errors(forward, vjp, tangent, rBackward);
    }
}
