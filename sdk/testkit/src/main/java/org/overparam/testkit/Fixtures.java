package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;

/** Model-independent fixtures: random points, directions and batches, and finite-difference checks. */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return N(0, 1/fanIn) weights, N(0, 0.25) biases */
    public static Params point(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            int fanIn = p.layout().block(i).fanIn();
            r.fillGaussian(p.block(i), fanIn == 1 ? 0.5 : Math.sqrt(1.0 / fanIn));
        }
        return p;
    }

    /** @return a standard normal direction */
    public static Params direction(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), 1.0);
        }
        return p;
    }

    /** @return n samples with N(0, 1) inputs and targets, labels in [0, k) */
    public static Batch batch(Model model, int n, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] x = new double[n * model.inputShape().size()];
        double[] y = new double[n * model.outputSize()];
        r.fillGaussian(x, 1.0);
        r.fillGaussian(y, 1.0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(model.outputSize());
        }
        return new Batch(model.inputShape(), n, x, model.outputSize(), y, labels);
    }

    /** @return positive weights in [0.5, 1.5) */
    public static double[] weights(int size, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        return w;
    }

    /** @return whether some hidden unit's pre-activation has a different sign at the two points */
    public static boolean patternsDiffer(Model model, Batch batch, Params a, Params b) {
        List<Activation> x = model.forward(a, batch).activations();
        List<Activation> y = model.forward(b, batch).activations();
        for (int l = 0; l < x.size(); l++) {
            double[] p = x.get(l).preActivations();
            double[] q = y.get(l).preActivations();
            for (int j = 0; j < p.length; j++) {
                if ((p[j] > 0) != (q[j] > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return max_j |a_j - b_j| over all blocks */
    public static double maxAbsDiff(Params a, Params b) {
        double m = 0;
        for (int i = 0; i < a.layout().count(); i++) {
            for (int j = 0; j < a.block(i).length; j++) {
                m = Math.max(m, Math.abs(a.block(i)[j] - b.block(i)[j]));
            }
        }
        return m;
    }

    /** @return max_j |a_j| over all blocks */
    public static double maxAbs(Params a) {
        return maxAbsDiff(a, a.zerosLike());
    }

    /** @return the loss's gradient at w by the model's backward pass */
    public static Params gradient(Model model, Batch batch, OutputLoss loss, Params w) {
        Forward f = model.forward(w, batch);
        double[] dOut = new double[batch.n() * model.outputSize()];
        loss.evaluate(f.output(), dOut);
        Params g = Params.zeros(model.layout());
        model.backward(f, dOut, g);
        return g;
    }

    /**
     * @param h the step
     * @return {@code max|fd - g| / max|g|} over the coordinates where a step of h flips no ReLU
     *     pattern (a flip makes the difference quotient meaningless); fails if more than 2% flip
     */
    public static double gradientError(Model model, Batch batch, OutputLoss loss, Params w, double h) {
        Params g = gradient(model, batch, loss, w);
        double err = 0;
        int skipped = 0;
        int total = 0;
        for (int b = 0; b < g.layout().count(); b++) {
            for (int j = 0; j < g.block(b).length; j++) {
                total++;
                Params plus = w.copy();
                plus.block(b)[j] += h;
                Params minus = w.copy();
                minus.block(b)[j] -= h;
                if (patternsDiffer(model, batch, plus, minus)) {
                    skipped++;
                    continue;
                }
                double fd = (loss.evaluate(model.forward(plus, batch).output(), null)
                        - loss.evaluate(model.forward(minus, batch).output(), null)) / (2 * h);
                err = Math.max(err, Math.abs(fd - g.block(b)[j]));
            }
        }
        assertTrue(skipped <= total / 50, "too many coordinates at a ReLU kink: " + skipped + " of " + total);
        return err / maxAbs(g);
    }

    /**
     * @param h the step along v
     * @return {@code max|Hv - (g(w + h v) - g(w - h v)) / 2h| / max|fd|}; fails if a ReLU pattern
     *     flips within the step
     */
    public static double hessianVectorError(Model model, Batch batch, OutputLoss loss, Params w, Params v, double h) {
        Params plus = w.copy().axpy(h, v);
        Params minus = w.copy().axpy(-h, v);
        assertTrue(!patternsDiffer(model, batch, plus, minus), "a ReLU pattern flips within the step");
        Params fd = gradient(model, batch, loss, plus).axpy(-1, gradient(model, batch, loss, minus)).scale(0.5 / h);
        Params hv = Params.zeros(model.layout());
        model.hessianVector(w, batch, loss, v, hv);
        return maxAbsDiff(hv, fd) / maxAbs(fd);
    }
}
